import { useMemo } from 'react'
import type { FlowNode } from '../../../src-main/contract/api'
import { latestRun, nodeRunStates, type NodeRunState } from './node-states'
import { useRuns } from './RunsProvider'
import { EMPTY_FLOW_RUNS } from './store'
import { formatDuration } from './run-format'

export interface FlowRunStates {
  states: Map<string, NodeRunState>
  /** How long each node took in the latest run, once it has finished ("0.8 s"). */
  durations: Map<string, string>
  outputs: Map<string, string>
}

/** Each node's state and time in the flow's latest run, and its last output from the newest run that has one. */
export function useFlowRunStates(flowId: string, nodes: readonly FlowNode[]): FlowRunStates {
  const flowRuns = useRuns((state) => state.flows[flowId] ?? EMPTY_FLOW_RUNS)
  return useMemo(() => {
    const latest = latestRun(flowRuns.runs)
    const states = nodeRunStates(nodes, latest, flowRuns.log)
    const durations = new Map<string, string>()
    for (const nodeRun of latest?.node_runs ?? []) {
      const took = formatDuration(nodeRun.started_at, nodeRun.finished_at)
      if (took !== null) durations.set(nodeRun.node_id, took)
    }
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
    if (live && live.runId === latest?.id) for (const [nodeId, text] of Object.entries(live.byNode)) if (text) outputs.set(nodeId, text)
    return { states, durations, outputs }
  }, [nodes, flowRuns.runs, flowRuns.log, flowRuns.liveOutput])
}
