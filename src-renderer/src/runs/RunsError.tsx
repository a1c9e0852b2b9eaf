import { Banner } from '../ui/Banner'
import { useRuns } from './RunsProvider'
import { useFlowRuns } from './useFlowRuns'

/** A run that could not start or stop (e.g. one is already going), with a retry of the list. */
export function RunsError({ flowId }: { flowId: string }) {
  const { error } = useFlowRuns(flowId)
  const load = useRuns((state) => state.load)
  const dismiss = useRuns((state) => state.dismissError)
  if (error === null) return null
  return <Banner kind="error" message={`Runs: ${error}`} onRetry={() => void load(flowId)} onDismiss={() => dismiss(flowId)} testId="runs-error" />
}
