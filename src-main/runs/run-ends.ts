// Every run's end, whatever flow it belongs to, as the app-wide stream sends it
// (`run_finished`): the window notifies about runs of flows it does not have
// open — a cron run of another flow failing at night, say.
import type { FlowRun, NodeRun, RunEvent, RunFinished } from '../contract/api'
import type { NumberedEvent, RunEventBus } from './run-events'

const END_STATUS = { run_completed: 'success', run_failed: 'failed', run_cancelled: 'cancelled' } as const

export type RunFinishedListener = (finished: RunFinished) => void

export interface RunEndSources {
  bus: RunEventBus
  /** The flow's name, if it still exists. */
  flowName(flowId: string): string | undefined
  run(flowId: string, runId: string): FlowRun | undefined
}

/** What a run's last event says, with the flow's name and the run's record; null for any other event. */
export function runFinishedOf(event: RunEvent, flowName: string | undefined, run: FlowRun | undefined): RunFinished | null {
  if (event.event_type !== 'run_completed' && event.event_type !== 'run_failed' && event.event_type !== 'run_cancelled') return null
  const said = (run?.node_runs ?? []).filter((node) => node.status === 'success' && node.output_preview)
  // Nodes run side by side: the last to finish, not the last to start.
  const last = said.reduce<NodeRun | undefined>((latest, node) => (latest && (latest.finished_at ?? '') > (node.finished_at ?? '') ? latest : node), undefined)
  return {
    flow_id: event.flow_id,
    flow_name: flowName ?? event.flow_id,
    run_id: event.run_id,
    status: END_STATUS[event.event_type],
    message: event.message,
    trigger: run?.trigger ?? null,
    started_at: run?.started_at ?? event.timestamp,
    finished_at: run?.finished_at ?? event.timestamp,
    last_output: last?.output_preview ?? null,
  }
}

/** Follows every flow's runs and calls `listener` once per run that ends; returns the unsubscribe. */
export function followRunEnds(sources: RunEndSources, listener: RunFinishedListener): () => void {
  return sources.bus.subscribeAll(({ event }: NumberedEvent) => {
    const finished = runFinishedOf(event, sources.flowName(event.flow_id), sources.run(event.flow_id, event.run_id))
    if (finished) listener(finished)
  })
}
