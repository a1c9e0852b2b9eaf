// What the preload script exposes to the renderer as `window.shoggoth`. In a
// plain browser the renderer builds an object with the same interface (the
// stream shim), so the renderer never knows which one it has. Types only, plus
// the IPC channel names both sides must agree on.

export interface Connection {
  /** Origin of the loopback API, e.g. http://127.0.0.1:8081 */
  apiBase: string
  /** Bearer token; null when the server runs with --insecure-no-token. */
  token: string | null
}

/** One server-sent event. Plain data, so it crosses the context bridge as is. */
export interface StreamMessage {
  /** The `event:` name; `message` when the frame has none. */
  event: string
  data: string
  /** The `id:` of the frame; null when it has none. */
  id: string | null
}

/** Why a stream failed or paused. */
export interface StreamError {
  /** HTTP status of a refused request; null when the connection itself failed or dropped. */
  status: number | null
  /** The server's `{"error": …}` text, or what went wrong with the connection. */
  message: string
  /** true: the client reconnects by itself (after Last-Event-ID); false: the stream is over. */
  willRetry: boolean
}

export interface StreamHandlers {
  /** Each event once, in order, across reconnects. */
  onEvent(message: StreamMessage): void
  /** The server accepted the request (again, after a reconnect). */
  onOpen?(): void
  onError?(error: StreamError): void
  /** The stream is complete (server closed it and `endOnClose` was set); nothing follows. */
  onEnd?(): void
}

export interface OpenStreamOptions {
  /** Resume after this event id (sent as the Last-Event-ID header). */
  lastEventId?: string | null
  /** 'POST' sends `body` as JSON (e.g. to start a chat turn). Default 'GET'. */
  method?: 'GET' | 'POST'
  body?: unknown
  /**
   * Where to re-attach with GET and Last-Event-ID when the stream drops. A POST
   * is never sent twice: without this, a dropped POST stream just fails.
   * Default: the same path for GET streams.
   */
  resumePath?: string
  /**
   * true: the server ending the response completes the stream (`onEnd`), as
   * chat turns do after their last event. false (default): it is a drop and
   * the client reconnects, like an EventSource.
   */
  endOnClose?: boolean
}

/** Stops the stream: no callback runs after it, and the connection is closed. */
export type Unsubscribe = () => void

export type OpenStream = (path: string, handlers: StreamHandlers, options?: OpenStreamOptions) => Unsubscribe

/** A desktop notification the renderer asks for. */
export interface NotifyRequest {
  title: string
  body?: string
}

/**
 * What the preload passes to the main process: the request, and when the
 * renderer wants to hear of a click, the number the main process sends back on
 * NOTIFY_CLICKED_CHANNEL (a function cannot cross IPC).
 */
export interface NotifyMessage extends NotifyRequest {
  clickId?: number
}

export interface ShoggothBridge {
  connection(): Promise<Connection>
  /** Follows an event stream of the API (path like `/api/flows/x/runs/live`). */
  openStream: OpenStream
  /**
   * Shows a desktop notification; resolves false when it could not be shown.
   * `onClick` runs when the user clicks it (the window has been brought to the front).
   */
  notify(request: NotifyRequest, onClick?: () => void): Promise<boolean>
}

export const CONNECTION_CHANNEL = 'shoggoth:connection'
export const NOTIFY_CHANNEL = 'shoggoth:notify'
/** Main → renderer: the notification with this click id was clicked. */
export const NOTIFY_CLICKED_CHANNEL = 'shoggoth:notify-clicked'
