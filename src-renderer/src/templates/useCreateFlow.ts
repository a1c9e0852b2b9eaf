// Creating a flow from the gallery, the sidebar or an imported file: one
// request at a time per caller, with the failure kept for an inline message.
import { useCallback, useMemo, useState } from 'react'
import type { NewFlow } from '../../../src-main/contract/api'
import { createFlowsApi } from '../api/flows'
import { useApi } from '../shell/ApiContext'

export interface CreateFlow {
  /** The key of the creation in progress (a template id, or "import"). */
  busy: string | null
  error: string | null
  clearError(): void
  /** Creates the flow; resolves with its id, or null when it failed (see `error`). */
  create(key: string, flow: NewFlow, options?: { enabled?: boolean }): Promise<string | null>
}

export function useCreateFlow(): CreateFlow {
  const { client } = useApi()
  const flows = useMemo(() => createFlowsApi(client), [client])
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const create = useCallback(
    async (key: string, flow: NewFlow, options: { enabled?: boolean } = {}): Promise<string | null> => {
      setBusy(key)
      setError(null)
      try {
        const id = await flows.create(flow)
        // The create route always enables; a disabled flow from a file stays disabled.
        if (options.enabled === false) await flows.update(id, { enabled: false })
        return id
      } catch (failure) {
        setError(`Could not create "${flow.name}": ${failure instanceof Error ? failure.message : String(failure)}`)
        return null
      } finally {
        setBusy(null)
      }
    },
    [flows],
  )

  return { busy, error, clearError: useCallback(() => setError(null), []), create }
}
