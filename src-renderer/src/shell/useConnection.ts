import { useEffect, useState } from 'react'
import { resolveConnection, type AppConnection } from '../api/connection'
import { errorMessage } from '../ui/format'

export type ConnectionState =
  | { phase: 'resolving' }
  | { phase: 'ready'; connection: AppConnection }
  | { phase: 'failed'; message: string }

/** Resolves the API address and token once, when the app starts. */
export function useConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ phase: 'resolving' })

  useEffect(() => {
    let cancelled = false
    resolveConnection().then(
      (connection) => {
        if (!cancelled) setState({ phase: 'ready', connection })
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [])

  return state
}
