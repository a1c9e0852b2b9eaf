// Starts flows on their triggers (§10): one task per enabled flow, started at
// startup, on create, restarted only when the trigger or `enabled` changes
// (§13.14), stopped on delete. A task that ends leaves the table, so the
// status tells the truth (§13.13). Runs of one flow never overlap.
import type { Flow, FlowNode, SchedulerStatus } from '../contract/api'
import type { FlowStore } from '../flows/flow-store'
import type { Logger } from '../log'
import type { FlowRunner } from '../runs/runner'
import type { RunStore } from '../runs/run-store'
import { Alarms } from './alarms'
import type { Clock } from './clock'
import { cronSchedule } from './cron-schedules'

export interface TriggerTask {
  /** Runs until the signal aborts or the trigger has nothing left to do. */
  (flow: Flow, trigger: FlowNode, signal: AbortSignal): Promise<void>
}


interface Task {
  controller: AbortController
  done: Promise<void>
}

export function firstTrigger(flow: Flow): FlowNode | undefined {
  return flow.nodes.find((node) => node.node_type === 'trigger')
}

/** What decides whether a flow's task must restart. */
function triggerIdentity(flow: Flow): string {
  const trigger = firstTrigger(flow)
  return JSON.stringify([flow.enabled, trigger?.kind, trigger?.config])
}

export class Scheduler {
  private readonly tasks = new Map<string, Task>()
  private readonly kinds = new Map<string, TriggerTask>()
  private unsubscribe: (() => void) | null = null
  /** Closed for good: a load still going when quit began must not start anything. */
  private closed = false
  /** What cron loops sleep on: one alarm per instant, shared by the flows due then. */
  private readonly alarms: Alarms

  constructor(
    private readonly flows: FlowStore,
    private readonly runner: FlowRunner,
    private readonly runs: RunStore,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.kinds.set('cron', (flow, trigger, signal) => this.cronLoop(flow.id, trigger, signal))
    this.alarms = new Alarms(clock)
  }

  /** Adds a trigger kind (e.g. github-pr) whose task the scheduler manages. */
  register(kind: string, task: TriggerTask): void {
    this.kinds.set(kind, task)
  }

  /** Starts every enabled flow and follows flow changes from now on. */
  startAll(): void {
    for (const flow of this.flows.all()) this.start(flow.id)
    this.followChanges()
  }

  /** Follows flow changes without starting anything now (--start-disabled). */
  followChanges(): void {
    if (this.closed) return
    this.unsubscribe = this.flows.onChange(async (change) => {
      if (change.kind === 'created') this.start(change.flow.id)
      else if (change.kind === 'deleted') await this.stop(change.flow.id)
      else if (triggerIdentity(change.flow) !== triggerIdentity(change.previous)) await this.restart(change.flow.id)
    })
  }

  start(flowId: string): void {
    const flow = this.flows.get(flowId)
    if (this.closed || !flow || !flow.enabled || this.tasks.has(flowId)) return
    const trigger = firstTrigger(flow)
    if (!trigger) return
    const kind = this.kinds.get(trigger.kind)
    if (!kind) {
      if (trigger.kind !== 'manual' && trigger.kind !== 'webhook') this.log.warn(`flow "${flow.name}": unknown trigger kind ${trigger.kind}; not scheduled`)
      return
    }
    const controller = new AbortController()
    const task: Task = {
      controller,
      done: kind(flow, trigger, controller.signal)
        .catch((error: unknown) => this.log.error(`trigger of flow "${flow.name}" stopped: ${(error as Error).message}`))
        .finally(() => {
          if (this.tasks.get(flowId) === task) this.tasks.delete(flowId)
        }),
    }
    this.tasks.set(flowId, task)
  }

  async stop(flowId: string): Promise<void> {
    const task = this.tasks.get(flowId)
    if (!task) return
    this.tasks.delete(flowId)
    task.controller.abort()
    await task.done
  }

  async restart(flowId: string): Promise<void> {
    await this.stop(flowId)
    this.start(flowId)
  }

  isActive(flowId: string): boolean {
    return this.tasks.has(flowId)
  }

  status(): SchedulerStatus {
    const flows = this.flows.all()
    return {
      active_count: this.tasks.size,
      total_flows: flows.length,
      flows: flows.map((flow) => ({ flow_id: flow.id, name: flow.name, enabled: flow.enabled, scheduler_active: this.tasks.has(flow.id) })),
    }
  }

  /** Re-checks every cron trigger now, e.g. after the machine resumed from sleep: a fire that passed runs once. */
  recheckDue(): void {
    this.alarms.ringAll()
  }

  /** Stops every trigger at once (their fires are cancelled before this returns its promise) and starts none again. */
  async close(): Promise<void> {
    this.closed = true
    this.unsubscribe?.()
    await Promise.all([...this.tasks.keys()].map((id) => this.stop(id)))
  }

  /** Runs the flow unless a run of it is already going; waits for the run (or the task's end). */
  async fire(flowId: string, why: string, signal: AbortSignal): Promise<void> {
    const flow = this.flows.get(flowId)
    if (!flow || !flow.enabled) return
    if (this.runs.isRunning(flowId)) {
      this.log.info(`flow "${flow.name}": ${why} skipped, a run is still going`)
      return
    }
    const { finished } = await this.runner.start(flow, { trigger: 'cron' })
    // Stopping the scheduler must not wait for a long run; the run itself goes on.
    // (Stopped while the run was starting: an abort listener added now would never fire.)
    if (signal.aborted) return
    let stopped = (): void => undefined
    const stopping = new Promise<void>((resolve) => (stopped = resolve))
    signal.addEventListener('abort', stopped, { once: true })
    try {
      await Promise.race([finished, stopping])
    } finally {
      // Removed after every fire: a flow firing every minute for months must not pile up listeners.
      signal.removeEventListener('abort', stopped)
    }
  }

  private async cronLoop(flowId: string, trigger: FlowNode, signal: AbortSignal): Promise<void> {
    const config = (trigger.config ?? {}) as Record<string, unknown>
    if (typeof config.schedule !== 'string') throw new Error("cron trigger missing 'schedule'")
    if (config.schedule.trim() === '') throw new Error('cron trigger has no schedule configured')
    const parsed = cronSchedule(config.schedule)
    if (!parsed.ok) throw new Error(`invalid cron: ${parsed.error}`)
    const { schedule } = parsed
    while (!signal.aborted) {
      const next = schedule.next(new Date(this.clock.now()))
      if (!next) {
        // No occurrence ahead (e.g. 31 February): look again later.
        await this.clock.sleep(60_000, signal)
        continue
      }
      await this.alarms.wait(next.getTime(), signal)
      if (signal.aborted) return
      // Woken early by recheckDue() and not due yet: look again.
      if (this.clock.now() < next.getTime()) continue
      const flow = this.flows.get(flowId)
      if (!flow || !flow.enabled) return
      await this.fire(flowId, `the ${config.schedule} fire at ${next.toISOString()}`, signal)
      // Fires that passed during the run (or a suspend) collapse into this one.
      // Counted one by one: usually none passed, so this costs a single lookup.
      let missed = 0
      for (let time = schedule.next(next); time && time.getTime() <= this.clock.now() && missed < 10_000; time = schedule.next(time)) missed++
      if (missed > 0) this.log.info(`flow "${flow.name}": ${missed} fire(s) passed while it ran; skipped`)
    }
  }
}
