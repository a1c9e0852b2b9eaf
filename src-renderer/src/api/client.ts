import type { ErrorResponse } from '../../../src-main/contract/api'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number

  constructor(message: string, status: number, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ApiError'
    this.status = status
  }
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>
}

export interface ApiClientOptions {
  apiBase: string
  token: string | null
  /** Called on any 401, so the app can ask for a fresh token. */
  onUnauthorized?: () => void
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { apiBase, token, onUnauthorized } = options

  return {
    async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { Accept: 'application/json' }
      if (token) headers['Authorization'] = `Bearer ${token}`
      if (body !== undefined) headers['Content-Type'] = 'application/json'

      let response: Response
      try {
        response = await fetch(new URL(path, apiBase), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      } catch (cause) {
        throw new ApiError(`Cannot reach the Shoggoth API at ${apiBase}`, 0, { cause })
      }

      const payload = await readJson(response)
      if (!response.ok) {
        if (response.status === 401) onUnauthorized?.()
        const text = isErrorBody(payload) ? payload.error : `HTTP ${response.status}`
        throw new ApiError(text, response.status)
      }
      if (payload === undefined) {
        throw new ApiError(`The API sent an unreadable reply to ${method} ${path}`, response.status)
      }
      // The wire types are shared with the server, so the body has the shape asked for.
      return payload as T
    },
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
