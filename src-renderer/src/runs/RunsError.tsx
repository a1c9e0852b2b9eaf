import { FailedActionBanner } from '../ui/FailedActionBanner'
import { useRuns } from './RunsProvider'
import { useFlowRuns } from './useFlowRuns'

/** A run that could not start or stop, or a history that did not load: Retry makes that request again. */
export function RunsError({ flowId }: { flowId: string }) {
  const { failed } = useFlowRuns(flowId)
  const dismiss = useRuns((state) => state.dismissFailed)
  return <FailedActionBanner failed={failed} onDismiss={() => dismiss(flowId)} testId="runs-error" />
}
