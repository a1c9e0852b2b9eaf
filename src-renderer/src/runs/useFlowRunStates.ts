import { useMemo } from 'react'
import type { FlowNode } from '../../../src-main/contract/api'
import { latestRun, nodeRunStates, type NodeRunState } from './node-states'
import { useRuns } from './RunsProvider'
import { EMPTY_FLOW_RUNS } from './store'

/** Each node's state in the flow's latest run, and its last output from the newest run that has one. */
export function useFlowRunStates(flowId: string, nodes: readonly FlowNode[]): { states: Map<string, NodeRunState>; outputs: Map<string, string> } {
  const flowRuns = useRuns((state) => state.flows[flowId] ?? EMPTY_FLOW_RUNS)
  return useMemo(() => {
    const states = nodeRunStates(nodes, latestRun(flowRuns.runs), flowRuns.log)
    const outputs = new Map<string, string>()
    // Oldest first, so newer outputs overwrite older ones.
    for (const run of [...flowRuns.runs].reverse()) {
      for (const nodeRun of run.node_runs) {
        const text = nodeRun.output ?? nodeRun.output_preview
        if (text) outputs.set(nodeRun.node_id, text)
      }
    }
    // What the newest run's executors are saying right now wins over stored output.
    const live = flowRuns.liveOutput
    if (live && live.runId === latestRun(flowRuns.runs)?.id) for (const [nodeId, text] of Object.entries(live.byNode)) if (text) outputs.set(nodeId, text)
    return { states, outputs }
  }, [nodes, flowRuns.runs, flowRuns.log, flowRuns.liveOutput])
}
