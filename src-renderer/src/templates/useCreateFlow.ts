// Creating a flow from the gallery, the sidebar or an imported file: one
// request at a time per caller; a failure is kept with a Retry of that request.
import { useMemo, useState } from 'react'
import type { NewFlow } from '../../../src-main/contract/api'
import { createFlowsApi } from '../api/flows'
import { useApi } from '../shell/ApiContext'
import { afterSuccess, failedAction, quoted, type FailedAction } from '../ui/failed-action'

export interface CreateFlowOptions {
  /** The create route always enables; a disabled flow from a file is disabled after. */
  enabled?: boolean
  /** What the user asked for, for the failure message (default: create flow “name”). */
  what?: string
}

export interface CreateFlow {
  /** The key of the creation in progress (a template id, or "import"). */
  busy: string | null
  failed: FailedAction | null
  dismiss(): void
  /** Creates the flow and hands its id to `onCreated` (also after a successful Retry). */
  create(key: string, flow: NewFlow, options?: CreateFlowOptions): Promise<void>
}

export function useCreateFlow(onCreated: (flowId: string) => void): CreateFlow {
  const { client } = useApi()
  const [busy, setBusy] = useState<string | null>(null)
  const [failed, setFailed] = useState<FailedAction | null>(null)

  const create = useMemo(() => {
    const flows = createFlowsApi(client)

    // Its own step with its own retry: retrying it must not create the flow a second time.
    const disable = async (id: string, name: string): Promise<void> => {
      const what = `disable the imported flow ${quoted(name)}`
      try {
        await flows.update(id, { enabled: false })
        setFailed((current) => afterSuccess(current, what))
      } catch (error) {
        setFailed(failedAction(what, error, () => disable(id, name)))
      }
    }

    const createFlow = async (key: string, flow: NewFlow, options: CreateFlowOptions = {}): Promise<void> => {
      const what = options.what ?? `create flow ${quoted(flow.name)}`
      setBusy(key)
      try {
        let id: string
        try {
          id = await flows.create(flow)
        } catch (error) {
          setFailed(failedAction(what, error, () => createFlow(key, flow, options)))
          return
        }
        setFailed((current) => afterSuccess(current, what))
        if (options.enabled === false) await disable(id, flow.name)
        onCreated(id)
      } finally {
        setBusy(null)
      }
    }
    return createFlow
  }, [client, onCreated])

  return { busy, failed, dismiss: () => setFailed(null), create }
}
