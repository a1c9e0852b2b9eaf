import { useEffect, useState } from 'react'
import type { ApiClient } from '../api/client'
import { createFlowsApi } from '../api/flows'
import { validateFlow } from '../api/validate'
import { useFlows } from '../flows/FlowsProvider'
import { failedAction } from '../ui/failed-action'
import { errorMessage } from '../ui/format'
import type { EditorServices } from './EditorContext'
import { openInEditor } from './store'

/** The open flow's validation is refreshed this long after its last save. */
const VALIDATE_DELAY_MS = 400

/**
 * Keeps the editor on the flow selected in the list: what was being edited is
 * saved first, then the newly selected flow is loaded and validated.
 */
export function useFlowSession(client: ApiClient, services: EditorServices): { loadError: string | null; retry: () => void } {
  const selectedId = useFlows((state) => state.selectedId)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const { store, saves } = services

  useEffect(() => {
    let cancelled = false
    void (async () => {
      await saves.flush()
      if (cancelled) return
      if (selectedId === null) {
        store.getState().close()
        return
      }
      try {
        const flow = await createFlowsApi(client).get(selectedId)
        if (cancelled) return
        setLoadError(null)
        openInEditor(store, flow)
        void revalidate(client, services)
      } catch (error) {
        if (!cancelled) setLoadError(`Could not open the flow: ${errorMessage(error)}`)
      }
    })()
    return () => {
      cancelled = true
    }
    // `services` changes when the node kinds arrive; that is no reason to reload the flow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, attempt, client, saves, store])

  return { loadError, retry: () => setAttempt((n) => n + 1) }
}

let pending: ReturnType<typeof setTimeout> | undefined
let waiting: (() => void)[] = []

/** Asks the server what would stop the open flow from running (debounced). */
export function revalidate(client: ApiClient, { store }: Pick<EditorServices, 'store'>, delay = 0): Promise<void> {
  clearTimeout(pending)
  return new Promise((resolve) => {
    // A check replaced before it started is answered when its replacement is (or Validate would wait forever).
    waiting.push(resolve)
    pending = setTimeout(async () => {
      const answered = waiting
      waiting = []
      const flowId = store.getState().flowId
      if (flowId) {
        try {
          const result = await validateFlow(client, flowId)
          if (store.getState().flowId === flowId) store.getState().setProblems(result.problems)
        } catch (error) {
          // Validation is advice: the last answer stands, but Validate and Run say it could not be checked.
          if (store.getState().flowId === flowId) store.getState().setCheckFailed(failedAction('check the flow', error, () => revalidate(client, { store })))
        }
      }
      for (const done of answered) done()
    }, delay)
  })
}

export { VALIDATE_DELAY_MS }
