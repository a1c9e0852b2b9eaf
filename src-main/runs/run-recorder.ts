// Keeps one run's record and its events in step: every change is saved and
// every event published, in the order they happen.
import type { FlowRun, NodeRun, RunEventType, RunStatus } from '../contract/api'
import { storedTimestamp } from '../time'
import type { RunEventBus } from './run-events'
import type { RunStore } from './run-store'

export class RunRecorder {
  constructor(
    readonly run: FlowRun,
    private readonly store: RunStore,
    private readonly bus: RunEventBus,
  ) {}

  emit(type: RunEventType, nodeId: string | null, message: string): void {
    this.bus.publish({ flow_id: this.run.flow_id, run_id: this.run.id, timestamp: storedTimestamp(), node_id: nodeId, event_type: type, message })
  }

  startNode(nodeId: string): NodeRun {
    const nodeRun: NodeRun = { node_id: nodeId, status: 'running', started_at: storedTimestamp(), finished_at: null, output_preview: null }
    this.run.node_runs.push(nodeRun)
    void this.store.save(this.run)
    return nodeRun
  }

  finishNode(nodeRun: NodeRun, status: Exclude<RunStatus, 'running'>, preview: string | null): void {
    nodeRun.status = status
    nodeRun.finished_at = storedTimestamp()
    nodeRun.output_preview = preview
    void this.store.save(this.run)
  }

  async finish(error: string | null, startedMs: number): Promise<void> {
    this.run.status = error === null ? 'success' : 'failed'
    this.run.finished_at = storedTimestamp()
    this.run.error = error
    await this.store.save(this.run)
    if (error === null) this.emit('run_completed', null, `Completed in ${seconds(startedMs)}s`)
    else this.emit('run_failed', null, error)
  }
}

/** Seconds since `startedMs` with one decimal, as run messages print them. */
export function seconds(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(1)
}
