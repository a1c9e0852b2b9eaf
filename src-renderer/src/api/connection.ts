import type { Connection, ShoggothBridge } from '../../../src-main/contract/bridge'
import { createBrowserBridge } from '../../../src-preload/bridge'

/** Where the connection came from decides what we tell the user when it fails. */
export type ConnectionSource = 'bridge' | 'url'

export interface AppConnection extends Connection {
  source: ConnectionSource
}

// sessionStorage keeps the token across reloads of this tab only, not on disk for good.
const TOKEN_KEY = 'shoggoth.apiToken'

// Set once the connection is known: streams need the token in a browser.
let activeBridge: ShoggothBridge | null = null

/** Electron hands us the connection; a plain browser gets it from the page URL. */
export async function resolveConnection(): Promise<AppConnection> {
  const bridge = findBridge()
  if (bridge) {
    const connection = await bridge.connection()
    activeBridge = bridge
    return { ...connection, source: 'bridge' }
  }
  const token = takeTokenFromFragment() ?? readStoredToken()
  const connection = { apiBase: window.location.origin, token }
  activeBridge = createBrowserBridge(connection)
  return { ...connection, source: 'url' }
}

/** Streams and notifications: the preload's bridge in Electron, the shim in a browser. */
export function appBridge(): ShoggothBridge {
  if (activeBridge === null) throw new Error('the API connection is not resolved yet')
  return activeBridge
}

/** Drop a token the server has refused, so a reload does not retry it. */
export function forgetToken(): void {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY)
  } catch {
    // Storage can be disabled; then there is nothing to forget.
  }
}

// Checked at runtime instead of declaring a Window global, so we never clash
// with however the preload side chooses to type it.
function findBridge(): ShoggothBridge | undefined {
  const candidate: unknown = Reflect.get(window, 'shoggoth')
  return isBridge(candidate) ? candidate : undefined
}

function isBridge(value: unknown): value is ShoggothBridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    'connection' in value &&
    typeof value.connection === 'function' &&
    'openStream' in value &&
    typeof value.openStream === 'function'
  )
}

function takeTokenFromFragment(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1))
  const token = params.get('token')
  if (!token) return null
  storeToken(token)
  // Keep the secret out of the address bar, history entries and bookmarks.
  const { pathname, search } = window.location
  window.history.replaceState(window.history.state, '', pathname + search)
  return token
}

function storeToken(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token)
  } catch {
    // Without storage the app still works until the next reload.
  }
}

function readStoredToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}
