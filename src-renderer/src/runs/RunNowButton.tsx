import { useFlowRuns } from './useFlowRuns'
import { useRuns } from './RunsProvider'

/** Starts a run by hand (it runs even when the flow is disabled). */
export function RunNowButton({ flowId }: { flowId: string }) {
  const trigger = useRuns((s) => s.trigger)
  const { triggering } = useFlowRuns(flowId)
  return (
    <button
      type="button"
      className="button button--primary button--small"
      disabled={triggering}
      onClick={() => void trigger(flowId)}
    >
      {triggering ? 'Starting…' : 'Run now'}
    </button>
  )
}
