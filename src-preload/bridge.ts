// The one event-stream client, bundled into both the Electron preload and the
// browser shim (createBrowserBridge, below) so they behave the same. It is the
// only preload file the renderer's tsconfig lists. Built on fetch + eventsource-parser
// rather than EventSource: it can send the token as a header (never in a URL),
// POST a chat turn, and set Last-Event-ID on every reconnect. Web APIs only:
// a sandboxed preload has no Node modules.
import { createParser } from 'eventsource-parser'
import type {
  Connection,
  NotifyRequest,
  OpenStream,
  OpenStreamOptions,
  ShoggothBridge,
  StreamError,
  StreamHandlers,
  StreamMessage,
} from '../src-main/contract/bridge'

export interface StreamTiming {
  /** First reconnect delay; doubles per failed attempt up to `maxRetryMs`. A server `retry:` replaces it. */
  retryMs: number
  maxRetryMs: number
}

export const DEFAULT_TIMING: StreamTiming = { retryMs: 1_000, maxRetryMs: 30_000 }

type Attempt =
  | { kind: 'ended' }
  | { kind: 'dropped'; message: string }
  | { kind: 'refused'; error: StreamError }

/** Builds `openStream` for the API reached through `connect` (asked once per attempt, so it may be lazy). */
export function createStreamOpener(connect: () => Promise<Connection>, timing: StreamTiming = DEFAULT_TIMING): OpenStream {
  return (path, handlers, options = {}) => followStream(connect, timing, path, handlers, options)
}

function followStream(
  connect: () => Promise<Connection>,
  timing: StreamTiming,
  path: string,
  handlers: StreamHandlers,
  options: OpenStreamOptions,
): () => void {
  let stopped = false
  let lastId = options.lastEventId ?? null
  let baseDelay = timing.retryMs
  let delay = baseDelay
  let current: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let wakeUp: (() => void) | null = null

  // Every callback goes through here: nothing is delivered after unsubscribe.
  const deliver = (call: () => void): void => {
    if (!stopped) call()
  }

  const onMessage = (message: StreamMessage): void => {
    if (message.id !== null) {
      // A server replaying after Last-Event-ID never repeats, but a stale buffer could: drop it.
      if (isReplayed(message.id, lastId)) return
      lastId = message.id
    }
    deliver(() => handlers.onEvent(message))
  }

  const attempt = async (method: 'GET' | 'POST', target: string, body: unknown): Promise<Attempt> => {
    const connection = await connect()
    // Unsubscribed while the connection was being looked up: open nothing.
    if (stopped) return { kind: 'ended' }
    const controller = new AbortController()
    current = controller
    const headers: Record<string, string> = { Accept: 'text/event-stream' }
    if (connection.token !== null) headers['Authorization'] = `Bearer ${connection.token}`
    if (method === 'GET' && lastId !== null) headers['Last-Event-ID'] = lastId
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(new URL(target, connection.apiBase), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      })
    } catch (error) {
      return { kind: 'dropped', message: `cannot reach ${connection.apiBase}: ${describe(error)}` }
    }
    if (!response.ok) {
      const message = await errorText(response)
      // A server restarting answers 503: worth another try, unlike a refusal.
      if (response.status >= 500) return { kind: 'dropped', message }
      return { kind: 'refused', error: { status: response.status, message, willRetry: false } }
    }
    if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await response.body?.cancel()
      return { kind: 'refused', error: { status: response.status, message: 'the server did not answer with an event stream', willRetry: false } }
    }
    delay = baseDelay
    deliver(() => handlers.onOpen?.())
    const parser = createParser({
      onEvent: ({ event, data, id }) => onMessage({ event: event ?? 'message', data, id: id === undefined || id === '' ? null : id }),
      onRetry: (ms) => {
        baseDelay = ms
        delay = ms
      },
    })
    const reader = response.body.getReader()
    // stream: true keeps a multi-byte character split across chunks intact.
    const decoder = new TextDecoder()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return { kind: 'ended' }
        if (stopped) return { kind: 'ended' }
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } catch (error) {
      return { kind: 'dropped', message: `the stream dropped: ${describe(error)}` }
    }
  }

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wakeUp = resolve
      timer = setTimeout(resolve, ms)
    })

  const run = async (): Promise<void> => {
    let method = options.method ?? 'GET'
    let target = path
    let body = options.body
    const resumePath = method === 'POST' ? options.resumePath : (options.resumePath ?? path)
    for (;;) {
      let outcome: Attempt
      try {
        outcome = await attempt(method, target, body)
      } catch (error) {
        outcome = { kind: 'refused', error: { status: null, message: `no connection to the API: ${describe(error)}`, willRetry: false } }
      }
      current = null
      if (stopped) return
      if (outcome.kind === 'refused') return finish(() => handlers.onError?.(outcome.error))
      if (outcome.kind === 'ended' && options.endOnClose === true) return finish(() => handlers.onEnd?.())
      const message = outcome.kind === 'dropped' ? outcome.message : 'the server ended the stream'
      if (resumePath === undefined) return finish(() => handlers.onError?.({ status: null, message, willRetry: false }))
      deliver(() => handlers.onError?.({ status: null, message, willRetry: true }))
      await pause(delay)
      if (stopped) return
      delay = Math.min(delay * 2, timing.maxRetryMs)
      // A POST is never repeated: what it started is followed through the GET route.
      method = 'GET'
      target = resumePath
      body = undefined
    }
  }

  const finish = (last: () => void): void => {
    deliver(last)
    stopped = true
  }

  void run()

  return () => {
    if (stopped) return
    stopped = true
    if (timer !== null) clearTimeout(timer)
    wakeUp?.()
    current?.abort()
  }
}

async function errorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const payload: unknown = JSON.parse(text)
    if (typeof payload === 'object' && payload !== null && 'error' in payload && typeof payload.error === 'string') return payload.error
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP ${response.status}`
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

// Event ids are `<n>` (chat turns) or `<boot>-<n>` (runs): a prefix and a
// counter. An id is a repeat when it has the same prefix as the last one seen
// and a counter no higher; a different prefix (e.g. a restarted server) is new.

const SHAPE = /^(.*?)(\d+)$/

/** True when `id` is not after `lastId` in the same sequence. */
export function isReplayed(id: string, lastId: string | null): boolean {
  if (lastId === null) return false
  const next = SHAPE.exec(id)
  const last = SHAPE.exec(lastId)
  if (!next || !last || next[1] !== last[1]) return false
  return Number(next[2]) <= Number(last[2])
}

/** The parts of the Web Notification API the browser shim uses (absent outside browsers). */
interface NotificationApi {
  permission: 'default' | 'denied' | 'granted'
  requestPermission(): Promise<'default' | 'denied' | 'granted'>
  new (title: string, options?: { body?: string }): { onclick: (() => void) | null; close(): void }
}

/**
 * The browser's stand-in for the Electron preload (a page opened from
 * `npm run serve`): the same ShoggothBridge on the same stream client. No
 * `window`: only web APIs, so it also runs under Node in the tests.
 */
export function createBrowserBridge(connection: Connection, timing?: StreamTiming): ShoggothBridge {
  const connect = (): Promise<Connection> => Promise.resolve(connection)
  return {
    connection: connect,
    openStream: createStreamOpener(connect, timing),
    notify: (request, onClick) => notifyInBrowser(request, onClick),
  }
}

async function notifyInBrowser({ title, body }: NotifyRequest, onClick?: () => void): Promise<boolean> {
  const api = Reflect.get(globalThis, 'Notification') as NotificationApi | undefined
  if (api === undefined) return false
  const permission = api.permission === 'default' ? await api.requestPermission() : api.permission
  if (permission !== 'granted') return false
  const shown = new api(title, body === undefined ? {} : { body })
  if (onClick) {
    // The page brings itself forward in onClick (window.focus() is allowed inside a notification click).
    shown.onclick = () => {
      shown.close()
      onClick()
    }
  }
  return true
}
