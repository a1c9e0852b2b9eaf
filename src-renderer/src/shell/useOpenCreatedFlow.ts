import { useCallback } from 'react'
import { useFlowsStore } from '../flows/FlowsProvider'
import { useShell } from './store'

/** After a template or an import made a flow: list it, open it, show the canvas. */
export function useOpenCreatedFlow(): (flowId: string) => void {
  const flows = useFlowsStore()
  const show = useShell((state) => state.show)
  return useCallback(
    (flowId: string) => {
      flows.getState().select(flowId)
      void flows.getState().load()
      show('flow')
    },
    [flows, show],
  )
}
