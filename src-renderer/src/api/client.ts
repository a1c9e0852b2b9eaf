import type { ErrorResponse } from '../../../src-main/contract/api'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number
  /** The parsed error body, for errors that carry more than a message (e.g. a 412's newer flow). */
  readonly body: unknown

  constructor(message: string, status: number, options?: ErrorOptions & { body?: unknown }) {
    super(message, options)
    this.name = 'ApiError'
    this.status = status
    this.body = options?.body
  }
}

export interface RequestOptions {
  headers?: Record<string, string>
  /** Lets the request finish while the page unloads (a last save). */
  keepalive?: boolean
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown, options?: RequestOptions): Promise<T>
}

export interface ApiClientOptions {
  apiBase: string
  token: string | null
  /** Called on any 401, so the app can ask for a fresh token. */
  onUnauthorized?: () => void
  /** Told of every failed request (for the console). */
  onFailure?: (method: HttpMethod, path: string, error: ApiError) => void
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { apiBase, token, onUnauthorized, onFailure } = options

  const headersFor = (accept: string, body: unknown, extra?: Record<string, string>): Record<string, string> => {
    const headers: Record<string, string> = { Accept: accept, ...extra }
    if (token) headers['Authorization'] = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return headers
  }

  const send = async (method: HttpMethod, path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(new URL(path, apiBase), { method, ...init })
    } catch (cause) {
      // Our own abort is not a connection problem; let the caller see it as such.
      if (init.signal?.aborted) throw cause
      throw new ApiError(`Cannot reach the Shoggoth API at ${apiBase}`, 0, { cause })
    }
  }

  const failure = async (response: Response): Promise<ApiError> => {
    if (response.status === 401) onUnauthorized?.()
    const payload = await readJson(response)
    const text = isErrorBody(payload) ? payload.error : `HTTP ${response.status}`
    return new ApiError(text, response.status, { body: payload })
  }

  return {
    async request<T>(method: HttpMethod, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
      try {
        const response = await send(method, path, {
          headers: headersFor('application/json', body, options.headers),
          keepalive: options.keepalive,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        if (!response.ok) throw await failure(response)
        const payload = await readJson(response)
        if (payload === undefined) {
          throw new ApiError(`The API sent an unreadable reply to ${method} ${path}`, response.status)
        }
        // The wire types are shared with the server, so the body has the shape asked for.
        return payload as T
      } catch (error) {
        if (error instanceof ApiError) onFailure?.(method, path, error)
        throw error
      }
    }
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isErrorBody(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof value.error === 'string'
  )
}
