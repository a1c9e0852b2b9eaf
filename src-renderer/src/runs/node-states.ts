// How each node of a flow fared in its latest run, for lighting the canvas (pure).
import type { FlowNode, FlowRun } from '../../../src-main/contract/api'
import type { RunLogGroup } from './run-log'

export type NodeRunState = 'running' | 'waiting' | 'done' | 'failed' | 'skipped'

export const RUN_STATE_LABELS: Record<NodeRunState, string> = { running: 'Running', waiting: 'Waiting for approval', done: 'Done', failed: 'Failed', skipped: 'Skipped' }

/**
 * The live log of the run wins over its stored record (which is only
 * refreshed when a run starts or ends); nodes a finished run never reached
 * are skipped. The flow's trigger is done as soon as the run exists: it
 * fired (or was stood in for by Run ▸), as n8n shows its trigger succeeded.
 */
export function nodeRunStates(nodes: readonly FlowNode[], run: FlowRun | undefined, log: readonly RunLogGroup[]): Map<string, NodeRunState> {
  const states = new Map<string, NodeRunState>()
  if (!run) return states
  // The backend starts every run from the first trigger; others never fire.
  const trigger = nodes.find((node) => node.node_type === 'trigger')
  if (trigger) states.set(trigger.id, 'done')
  for (const nodeRun of run.node_runs) states.set(nodeRun.node_id, nodeRun.status === 'running' ? 'running' : nodeRun.status === 'success' ? 'done' : 'failed')
  let finished = run.status !== 'running'
  const group = log.find((candidate) => candidate.runId === run.id)
  for (const line of group?.lines ?? []) {
    if (line.nodeId !== null) {
      if (line.type === 'node_started') states.set(line.nodeId, 'running')
      else if (line.type === 'node_completed') states.set(line.nodeId, 'done')
      else if (line.type === 'node_failed') states.set(line.nodeId, 'failed')
      // An executor's tool question is logged as it is asked and as it is answered (docs/api.md §10.3).
      else if (line.type === 'log' && line.message.startsWith('waiting for approval')) states.set(line.nodeId, 'waiting')
      else if (line.type === 'log' && line.message.startsWith('approval for') && states.get(line.nodeId) === 'waiting') states.set(line.nodeId, 'running')
    }
    if (line.type === 'run_completed' || line.type === 'run_failed' || line.type === 'run_cancelled') finished = true
  }
  if (finished) {
    for (const node of nodes) {
      if (node.node_type === 'trigger') continue
      const state = states.get(node.id)
      // A node still "running" when its run ended was cut short.
      if (state === undefined) states.set(node.id, 'skipped')
      else if (state === 'running' || state === 'waiting') states.set(node.id, 'failed')
    }
  }
  return states
}

/** How far a run has got: nodes done or failed of those that do the work (the trigger is lit from the start, so it does not count). */
export function runProgress(nodes: readonly FlowNode[], states: ReadonlyMap<string, NodeRunState>): { done: number; total: number } {
  const working = nodes.filter((node) => node.node_type !== 'trigger')
  const done = working.filter((node) => states.get(node.id) === 'done' || states.get(node.id) === 'failed').length
  return { done, total: working.length }
}

/** The newest run: the server lists runs newest first. */
export const latestRun = (runs: readonly FlowRun[]): FlowRun | undefined => runs[0]
