// The browser's stand-in for the Electron preload: the same ShoggothBridge,
// built on the same stream client, for a page opened from `npm run serve`.
// No `window`: it only needs web APIs, so it also runs under Node in tests.
import type { Connection, NotifyRequest, ShoggothBridge } from '../../../src-main/contract/bridge'
import { createStreamOpener, type StreamTiming } from '../../../src-preload/bridge'

/** The parts of the Web Notification API we use (absent outside browsers). */
interface NotificationApi {
  permission: 'default' | 'denied' | 'granted'
  requestPermission(): Promise<'default' | 'denied' | 'granted'>
  new (title: string, options?: { body?: string }): object
}

export function createBrowserBridge(connection: Connection, timing?: StreamTiming): ShoggothBridge {
  const connect = (): Promise<Connection> => Promise.resolve(connection)
  return {
    connection: connect,
    openStream: createStreamOpener(connect, timing),
    notify: (request) => notifyInBrowser(request),
  }
}

async function notifyInBrowser({ title, body }: NotifyRequest): Promise<boolean> {
  const api = Reflect.get(globalThis, 'Notification') as NotificationApi | undefined
  if (api === undefined) return false
  const permission = api.permission === 'default' ? await api.requestPermission() : api.permission
  if (permission !== 'granted') return false
  new api(title, body === undefined ? {} : { body })
  return true
}
