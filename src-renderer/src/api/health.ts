import type { HealthResponse } from '../../../src-main/contract/api'

/** True when GET /health answers `{"status":"ok"}` in time. Needs no token. */
export async function isApiHealthy(apiBase: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', apiBase), {
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) return false
    const body: unknown = await response.json()
    return isHealthy(body)
  } catch {
    return false
  }
}

function isHealthy(value: unknown): value is HealthResponse {
  return typeof value === 'object' && value !== null && 'status' in value && value.status === 'ok'
}
