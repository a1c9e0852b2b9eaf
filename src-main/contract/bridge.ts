// What the preload script exposes to the renderer as `window.shoggoth`.
// In a plain browser the renderer builds the same Connection from the page URL.

export interface Connection {
  /** Origin of the loopback API, e.g. http://127.0.0.1:8081 */
  apiBase: string
  /** Bearer token; null when the server runs with --insecure-no-token. */
  token: string | null
}

export interface ShoggothBridge {
  connection(): Promise<Connection>
}

export const CONNECTION_CHANNEL = 'shoggoth:connection'
