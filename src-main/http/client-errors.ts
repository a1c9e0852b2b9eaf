// Answers for requests Node's HTTP parser refuses before any route sees them
// (malformed, headers too large, or not received in time): JSON like every
// other error (§15.2), written straight to the socket, which then closes.
import type { Socket } from 'node:net'

/** Defaults: a request must arrive whole within 30 s, its headers within 15 s. */
export const REQUEST_TIMEOUT_MS = 30_000
export const HEADERS_TIMEOUT_MS = 15_000

interface ClientError extends Error {
  code?: string
  /** The bytes the parser choked on (a Buffer, parse errors only). */
  rawPacket?: unknown
}

function answerFor(error: ClientError): [number, string, string] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'the request was not received in time']
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'Request Header Fields Too Large', 'request headers are too large']
    default:
      return [400, 'Bad Request', 'malformed HTTP request']
  }
}

export function answerClientError(error: ClientError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, reason, message] = answerFor(error)
  const body = JSON.stringify({ error: message })
  // The answer to a HEAD has no body: its client would take the body for the start of another response.
  const head = Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD '
  // Only when nothing of a response went out yet (a route may have started one).
  if (socket.writable && socket.bytesWritten === 0) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`)
  }
  socket.destroy()
}
