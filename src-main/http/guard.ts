// Checks that run on every request before routing (§1, §15.1): the Host header
// (DNS-rebinding defence), the Origin allowlist (no wildcard), CORS preflights,
// and the trailing-slash redirect. Plain node:http so nothing reaches a route
// — or the static files — without passing them.
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface GuardPolicy {
  /** Lower-case `host:port` values a request may name. */
  hosts: Set<string>
  /** Exact origins (scheme://host:port) allowed to call the API from a browser. */
  origins: Set<string>
  /** Path prefix served as static files, exempt from the trailing-slash rule. */
  staticPrefix: string
}

const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, last-event-id',
  'access-control-max-age': '600',
}

function refuse(res: ServerResponse, status: number, error: string): true {
  const body = JSON.stringify({ error })
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
  return true
}

/** Returns true when the request has been answered here. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, policy: GuardPolicy): boolean {
  const host = req.headers.host?.toLowerCase()
  // HTTP/1.1 requires Host (RFC 9112 §3.2); Node's own check would answer without a body.
  if (host === undefined) return refuse(res, 400, 'missing Host header')
  if (!policy.hosts.has(host)) return refuse(res, 403, 'forbidden host')

  const origin = req.headers.origin
  if (origin !== undefined) {
    if (!policy.origins.has(origin)) return refuse(res, 403, 'forbidden origin')
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('vary', 'Origin')
  }

  if (req.method === 'OPTIONS') {
    res.writeHead(200, origin === undefined ? { 'content-length': 0 } : { ...PREFLIGHT_HEADERS, 'content-length': 0 })
    res.end()
    return true
  }

  const url = req.url ?? '/'
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (path.length > 1 && path.endsWith('/') && !path.startsWith(policy.staticPrefix)) {
    res.writeHead(308, { location: path.slice(0, -1) + (queryAt === -1 ? '' : url.slice(queryAt)), 'content-length': 0 })
    res.end()
    return true
  }
  return false
}

/** The Host values this server answers to: loopback names plus any the user added. */
export function allowedHosts(port: number, extra: readonly string[]): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]']
  return new Set([...names.map((name) => `${name}:${port}`), ...extra.map((value) => value.toLowerCase())])
}

/** The app's own origins plus those the user listed (e.g. the original Studio's). */
export function allowedOrigins(port: number, extra: readonly string[]): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]']
  return new Set([...names.map((name) => `http://${name}:${port}`), ...extra])
}
