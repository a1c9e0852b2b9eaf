import { useEffect, useState } from 'react'
import type { AppStatus } from '../../../src-main/contract/api'
import { fetchAppStatus } from '../api/status'
import { useApi } from './ApiContext'

const POLL_MS = 5_000

/** GET /api/status every few seconds while the window is visible; null until the first answer. */
export function useAppStatus(): AppStatus | null {
  const { client } = useApi()
  const [status, setStatus] = useState<AppStatus | null>(null)
  useEffect(() => {
    let cancelled = false
    const poll = async () => {
      if (document.hidden) return
      try {
        const next = await fetchAppStatus(client)
        if (!cancelled) setStatus(next)
      } catch {
        // The connection indicator says when the API is gone; keep the last figures.
      }
    }
    void poll()
    const timer = window.setInterval(() => void poll(), POLL_MS)
    return () => {
      cancelled = true
      window.clearInterval(timer)
    }
  }, [client])
  return status
}
