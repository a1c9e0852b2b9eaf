import { useEffect, useState } from 'react'
import { isApiHealthy } from '../api/health'

export type HealthStatus = 'checking' | 'online' | 'offline'

const POLL_INTERVAL_MS = 5_000
// Shorter than the interval, so checks never pile up behind a hung server.
const CHECK_TIMEOUT_MS = 4_000

/** Polls GET /health so the header can show whether the backend is up. */
export function useHealth(apiBase: string | null): HealthStatus {
  const [status, setStatus] = useState<HealthStatus>('checking')

  useEffect(() => {
    if (apiBase === null) return
    let cancelled = false
    const check = async (): Promise<void> => {
      const healthy = await isApiHealthy(apiBase, CHECK_TIMEOUT_MS)
      if (!cancelled) setStatus(healthy ? 'online' : 'offline')
    }
    void check()
    const timer = window.setInterval(() => void check(), POLL_INTERVAL_MS)
    return () => {
      cancelled = true
      window.clearInterval(timer)
    }
  }, [apiBase])

  return status
}
