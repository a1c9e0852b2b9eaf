// Keeps one run's record and its events in step: every change is saved and
// every event published, in the order they happen. Once the run has ended
// (completed, failed or cancelled) the recorder goes quiet: work still
// unwinding after a cancel can neither publish nor change the record.
import type { FlowRun, NodeRun, RunEventType, RunStatus } from '../contract/api'
import { roundCost } from '../agent/stream-json'
import { storedTimestamp } from '../time'
import type { RunEventBus } from './run-events'
import type { RunStore } from './run-store'

export const CANCELLED_PREVIEW = 'Cancelled'

export class RunRecorder {
  private ended = false

  constructor(
    readonly run: FlowRun,
    private readonly store: RunStore,
    private readonly bus: RunEventBus,
  ) {}

  get isOpen(): boolean {
    return !this.ended
  }

  emit(type: RunEventType, nodeId: string | null, message: string): void {
    if (this.ended) return
    this.publish(type, nodeId, message)
  }

  startNode(nodeId: string): NodeRun {
    const nodeRun: NodeRun = { node_id: nodeId, status: 'running', started_at: storedTimestamp(), finished_at: null, output_preview: null }
    if (this.ended) return nodeRun
    this.run.node_runs.push(nodeRun)
    void this.store.save(this.run)
    return nodeRun
  }

  finishNode(nodeRun: NodeRun, status: Exclude<RunStatus, 'running'>, preview: string | null): void {
    if (this.ended) return
    nodeRun.status = status
    nodeRun.finished_at = storedTimestamp()
    nodeRun.output_preview = preview
    void this.store.save(this.run)
  }

  /** Kept in memory as it grows; saved with the node's next change. */
  setOutput(nodeRun: NodeRun, output: string): void {
    if (!this.ended) nodeRun.output = output
  }

  addCost(dollars: number): void {
    if (!this.ended) this.run.cost_usd = roundCost((this.run.cost_usd ?? 0) + dollars)
  }

  async finish(error: string | null, startedMs: number): Promise<void> {
    if (this.ended) return
    this.ended = true
    this.run.status = error === null ? 'success' : 'failed'
    this.run.finished_at = storedTimestamp()
    this.run.error = error
    await this.store.save(this.run)
    if (error === null) this.publish('run_completed', null, `Completed in ${seconds(startedMs)}s`)
    else this.publish('run_failed', null, error)
  }

  /** Ends the run as cancelled; nodes still going are marked failed, without events of their own. */
  async cancel(startedMs: number): Promise<boolean> {
    if (this.ended) return false
    this.ended = true
    const now = storedTimestamp()
    for (const nodeRun of this.run.node_runs.filter((n) => n.status === 'running')) {
      nodeRun.status = 'failed'
      nodeRun.finished_at = now
      nodeRun.output_preview = CANCELLED_PREVIEW
    }
    this.run.status = 'cancelled'
    this.run.finished_at = now
    this.run.error = null
    await this.store.save(this.run)
    this.publish('run_cancelled', null, `Cancelled after ${seconds(startedMs)}s`)
    return true
  }

  private publish(type: RunEventType, nodeId: string | null, message: string): void {
    this.bus.publish({ flow_id: this.run.flow_id, run_id: this.run.id, timestamp: storedTimestamp(), node_id: nodeId, event_type: type, message })
  }
}

/** Seconds since `startedMs` with one decimal, as run messages print them. */
export function seconds(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(1)
}
