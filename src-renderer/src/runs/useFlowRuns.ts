import { useRuns } from './RunsProvider'
import { EMPTY_FLOW_RUNS, type FlowRuns } from './store'

/** One flow's slice of the runs store (a stable empty one before anything is known). */
export function useFlowRuns(flowId: string): FlowRuns {
  return useRuns((s) => s.flows[flowId]) ?? EMPTY_FLOW_RUNS
}
