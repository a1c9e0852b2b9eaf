import { useCallback, useEffect, useState } from 'react'
import type { AppStatus } from '../../../src-main/contract/api'
import { fetchAppStatus } from '../api/status'
import { errorMessage } from '../ui/format'
import { useApi } from './ApiContext'

export type StatusState = { status: 'loading' } | { status: 'ready'; value: AppStatus } | { status: 'error'; error: string }

/**
 * GET /api/status when mounted, again on `reload()`, and every `pollMs` while
 * the window is visible. A failed poll keeps the last figures (the connection
 * indicator says when the API is gone); a failed first load or reload says why.
 */
export function useAppStatus(pollMs?: number): { state: StatusState; reload(): void } {
  const { client } = useApi()
  const [state, setState] = useState<StatusState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    const load = () =>
      fetchAppStatus(client).then(
        (value) => live && setState({ status: 'ready', value }),
        (error: unknown) => live && setState((current) => (current.status === 'ready' ? current : { status: 'error', error: `Could not read the app status: ${errorMessage(error)}` })),
      )
    void load()
    const timer = pollMs === undefined ? undefined : window.setInterval(() => !document.hidden && void load(), pollMs)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [client, attempt, pollMs])

  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])
  return { state, reload }
}
