// Outbound HTTP for the integrations: every request has an overall deadline and
// fails with one readable message. A TCP connect gives up after 10 s, the
// contract's connect timeout (§12.2).
import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'
import { httpClient } from './http-client'
import { decodeBody } from './http-decode'

export const USER_AGENT = 'Mozilla/5.0 (compatible; Shoggoth/1.0)'
export const DEFAULT_TIMEOUT_MS = 30_000
/** Bodies larger than this are refused, so a runaway page cannot exhaust memory. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH'
  headers?: Record<string, string>
  /** Sent as a JSON body with a JSON content type. */
  json?: unknown
  timeoutMs?: number
  /** An outer deadline shared by several requests (an overall budget). */
  signal?: AbortSignal
  /** Shown in errors instead of the URL, for URLs that are secrets (webhooks). */
  label?: string
  maxBytes?: number
}

export interface HttpResponse {
  status: number
  headers: Headers
  body: Buffer
}

/** A failed request; `status` is null when no HTTP answer arrived. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export async function request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const method = options.method ?? 'GET'
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const what = `${method} ${options.label ?? url}`
  const own = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([own, options.signal]) : own
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...lowerKeys(options.headers ?? {}) }
  if (options.json !== undefined) headers['content-type'] = 'application/json; charset=utf-8'
  // Compressed answers are welcome, as with fetch.
  headers['accept-encoding'] ??= 'gzip, deflate, br'
  try {
    const { undici, pool } = httpClient()
    const response = await undici.request(url, { method, headers, body: options.json === undefined ? undefined : JSON.stringify(options.json), signal, dispatcher: pool })
    const body = await readBody(response.body, response.headers, options.maxBytes ?? DEFAULT_MAX_BYTES)
    if (response.statusCode < 200 || response.statusCode > 299) throw new HttpError(`${what} failed: HTTP ${response.statusCode}${detail(body)}`, response.statusCode)
    return { status: response.statusCode, headers: toHeaders(response.headers), body }
  } catch (error) {
    if (error instanceof HttpError) throw error
    throw new HttpError(`${what} failed: ${reason(error, own, timeoutMs)}`, null)
  }
}

export async function requestText(url: string, options: RequestOptions = {}): Promise<string> {
  return (await request(url, options)).body.toString('utf8')
}

export async function requestJson(url: string, options: RequestOptions = {}): Promise<unknown> {
  const text = await requestText(url, options)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(`${options.method ?? 'GET'} ${options.label ?? url} failed: the answer is not JSON`, null)
  }
}

async function readBody(body: Readable, headers: IncomingHttpHeaders, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new Error(`the answer is larger than ${maxBytes} bytes`)
  if (Number(headers['content-length'] ?? 0) > maxBytes) {
    body.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  // Leaving the loop early destroys the body, which frees the connection.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.byteLength
    if (size > maxBytes) throw tooLarge()
    chunks.push(chunk)
  }
  const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
  return headers['content-encoding'] ? decodeBody(raw, headers['content-encoding'], maxBytes, tooLarge) : raw
}

/** The answer's headers as fetch would give them (several values of one name joined). */
function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/** A short, single-line excerpt of an error body (APIs explain failures there). */
function detail(body: Buffer): string {
  const text = body.toString('utf8').replace(/\s+/g, ' ').trim()
  if (!text) return ''
  return `: ${text.length > 200 ? `${text.slice(0, 200)}...` : text}`
}

function reason(error: unknown, own: AbortSignal, timeoutMs: number): string {
  if (own.aborted) return `timed out after ${timeoutMs / 1000} s`
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return 'overall time limit reached'
  if (error instanceof Error) {
    // Socket failures carry a code (ECONNREFUSED, ENOTFOUND…), the most searchable part.
    const code = 'code' in error && typeof error.code === 'string' && !error.code.startsWith('UND_ERR') ? error.code : null
    return code ? `${code} (${error.message})` : error.message
  }
  return String(error)
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]))
}
