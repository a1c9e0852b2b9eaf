import { useFlowRuns } from './useFlowRuns'
import type { FlowRuns } from './store'

const LABELS: Record<FlowRuns['stream'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Not connected',
}

/** Whether the live log is receiving. */
export function RunStreamStatus({ flowId }: { flowId: string }) {
  const { stream } = useFlowRuns(flowId)
  return (
    <span className={`stream-status stream-status--${stream}`} role="status" data-testid="run-stream-status">
      <span className="stream-status__dot" aria-hidden="true" />
      {LABELS[stream]}
    </span>
  )
}
