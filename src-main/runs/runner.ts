// Runs a flow (contract §9): the record and live events of one run, which
// shape it takes (dag.ts: the §9.1 pipeline, or the edges for two or more
// executors), PR-review runs (§9.3), cancelling, and refusing a second manual
// run while one is going.
import { randomUUID } from 'node:crypto'
import type { Flow, FlowNode, FlowRun, FlowValidation, RunTrigger } from '../contract/api'
import { storedTimestamp } from '../time'
import { runWithContext } from './context-run'
import { executorsOf, planFlow } from './dag'
import { checkFlow, executorProblems, parseFilter, parseSource, throwFirst, isError } from './flow-checks'
import { runGraph } from './graph'
import { fetchSource, message, NodeWork, renderExecutorPrompt, type WorkDeps } from './node-work'
import { runPipeline } from './pipeline'
import type { RunEventBus } from './run-events'
import { RunRecorder } from './run-recorder'
import { INTERRUPTED, type RunStore } from './run-store'

export interface RunnerDeps extends WorkDeps {
  runs: RunStore
  bus: RunEventBus
}

export interface RunOptions {
  /** Extra template variables (e.g. a webhook's payload). */
  variables?: Record<string, string>
  /** A PR-review run: these variables instead of sources and filters (§9.3). */
  context?: Record<string, string>
  /** What started the run; recorded on it. Default `manual`. */
  trigger?: RunTrigger
  /** Refuse (RunConflictError) while another run of the flow is going. */
  refuseOverlap?: boolean
}

/** A run of the flow is already going (a manual trigger without allow_overlap). */
export class RunConflictError extends Error {
  constructor(readonly runId: string) {
    super(`a run of this flow is already running (${runId}); send {"allow_overlap": true} to start another one anyway`)
  }
}

export type CancelOutcome = { outcome: 'cancelled'; run: FlowRun } | { outcome: 'finished'; run: FlowRun } | { outcome: 'not-found' }

interface ActiveRun {
  run: FlowRun
  controller: AbortController
  recorder: RunRecorder
  startedMs: number
  finished: Promise<FlowRun>
}

/** How long a cancel waits for the run's work to stop before recording it cancelled anyway. */
const CANCEL_WAIT_MS = 5_000

export class FlowRunner {
  private readonly active = new Map<string, ActiveRun>()
  private stopping = false

  constructor(private readonly deps: RunnerDeps) {}

  /** From now on a run that fails is one cut short by shutdown. */
  stop(): void {
    this.stopping = true
  }

  /** Waits for the runs still going (their claude children are ended at shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.active.values()].map((active) => active.finished))
  }

  /** The run of this flow that is going, if any (the oldest when several are). */
  runningRun(flowId: string): FlowRun | undefined {
    return [...this.active.values()].find((active) => active.run.flow_id === flowId)?.run
  }

  /** Creates the run record at once; the work goes on in the background. */
  async start(flow: Flow, options: RunOptions = {}): Promise<{ run: FlowRun; finished: Promise<FlowRun> }> {
    if (options.refuseOverlap) {
      const going = this.runningRun(flow.id)
      if (going) throw new RunConflictError(going.id)
    }
    const run: FlowRun = {
      id: randomUUID(),
      flow_id: flow.id,
      status: 'running',
      started_at: storedTimestamp(),
      finished_at: null,
      node_runs: [],
      error: null,
      trigger: options.trigger ?? 'manual',
      cost_usd: 0,
    }
    const recorder = new RunRecorder(run, this.deps.runs, this.deps.bus)
    const controller = new AbortController()
    let begin!: () => void
    const begun = new Promise<void>((resolve) => (begin = resolve))
    const startedMs = performance.now()
    const finished = (async () => {
      await begun
      const work = new NodeWork(this.deps, recorder, controller.signal)
      let error: string | null = null
      try {
        if (options.context) await runWithContext(flow, options.context, work)
        else await this.normalRun(flow, options.variables ?? {}, work)
      } catch (failure) {
        error = this.stopping ? INTERRUPTED : message(failure)
      }
      if (controller.signal.aborted) await recorder.cancel(startedMs)
      else {
        if (error !== null) this.deps.log.warn(`run ${run.id} of flow "${flow.name}" failed: ${error}`)
        await recorder.finish(error, startedMs)
      }
      return run
    })()
    // Registered before the first await, so two triggers at once cannot both pass the overlap check.
    const active: ActiveRun = { run, controller, recorder, startedMs, finished }
    this.active.set(run.id, active)
    void finished.finally(() => this.active.delete(run.id))
    await this.deps.runs.add(run)
    recorder.emit('run_started', null, options.context ? 'Flow execution started (with context)' : 'Flow execution started')
    begin()
    return { run, finished }
  }

  /**
   * Cancels a running run: the executor's process group is ended, nothing
   * more is delivered, and the run is recorded `cancelled` (`run_cancelled`).
   */
  async cancel(flowId: string, runId: string): Promise<CancelOutcome> {
    const active = this.active.get(runId)
    if (!active || active.run.flow_id !== flowId) {
      const stored = this.deps.runs.get(flowId, runId)
      return stored ? { outcome: 'finished', run: stored } : { outcome: 'not-found' }
    }
    if (!active.recorder.isOpen) return { outcome: 'finished', run: active.run }
    active.controller.abort()
    // Usually quick (a killed executor); a slow fetch is not waited for.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([active.finished, new Promise((resolve) => (timer = setTimeout(resolve, CANCEL_WAIT_MS)))])
    clearTimeout(timer)
    await active.recorder.cancel(active.startedMs)
    return active.run.status === 'cancelled' ? { outcome: 'cancelled', run: active.run } : { outcome: 'finished', run: active.run }
  }

  /** What POST /api/flows/{id}/validate answers: every configuration problem a run could fail on. */
  validate(flow: Flow): FlowValidation {
    const problems = checkFlow(flow, { env: this.deps.integrations.env, serverCwd: this.deps.serverCwd })
    return { valid: !problems.some(isError), problems }
  }

  private async normalRun(flow: Flow, variables: Record<string, string>, work: NodeWork): Promise<void> {
    const plan = planFlow(flow)
    if (plan.shape === 'pipeline') await runPipeline(flow, variables, work)
    else await runGraph(flow, plan, variables, work)
  }

  /**
   * What the flow's lead agent would start from (§9.4): sources fetched, filters
   * applied and the executor's prompt rendered — no run record, no events.
   */
  async prepare(flow: Flow): Promise<{ prompt: string; executor: FlowNode }> {
    throwFirst(executorProblems(flow))
    const executor = executorsOf(flow)[0]!
    const sources = flow.nodes.filter((node) => node.node_type === 'source').map(parseSource)
    let items = (await Promise.all(sources.map((source) => fetchSource(this.deps, source)))).flat()
    for (const node of flow.nodes.filter((n) => n.node_type === 'filter')) {
      const { kind, config } = parseFilter(node)
      items = kind.apply(config, items)
    }
    return { prompt: await renderExecutorPrompt(this.deps, executor, items, {}), executor }
  }
}

