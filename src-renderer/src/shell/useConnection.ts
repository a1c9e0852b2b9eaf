import { useEffect, useState } from 'react'
import { resolveConnection, type AppConnection } from '../api/connection'
import { errorMessage } from '../ui/format'

export type ConnectionState =
  | { phase: 'resolving' }
  | { phase: 'ready'; connection: AppConnection }
  | { phase: 'failed'; message: string }

/** Resolves the API address and token when the app starts, and again when a new token arrives in the URL. */
export function useConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ phase: 'resolving' })
  const [generation, setGeneration] = useState(0)

  // A URL with a fresh #token=… pasted into this tab signs in again.
  useEffect(() => {
    const onHash = () => window.location.hash.includes('token=') && setGeneration((n) => n + 1)
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

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
  }, [generation])

  return state
}
