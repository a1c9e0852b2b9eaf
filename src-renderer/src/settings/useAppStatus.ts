import { useCallback, useEffect, useState } from 'react'
import type { AppStatus } from '../../../src-main/contract/api'
import { fetchAppStatus } from '../api/status'
import { useApi } from '../shell/ApiContext'
import { errorMessage } from '../ui/format'

export type StatusState = { status: 'loading' } | { status: 'ready'; value: AppStatus } | { status: 'error'; error: string }

/** GET /api/status once when the settings screen opens, and again on request. */
export function useAppStatus(): { state: StatusState; reload(): void } {
  const { client } = useApi()
  const [state, setState] = useState<StatusState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    fetchAppStatus(client).then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', error: `Could not read the app status: ${errorMessage(error)}` }),
    )
    return () => {
      live = false
    }
  }, [client, attempt])

  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])
  return { state, reload }
}
