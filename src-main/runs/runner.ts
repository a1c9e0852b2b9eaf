// Runs a flow (contract §9): the record and live events of one run, the node
// work in pipeline or graph shape (see dag.ts), and PR-review runs (§9.3).
import { randomUUID } from 'node:crypto'
import type { Flow, FlowNode, FlowRun } from '../contract/api'
import { fetchMarketSnapshot } from '../integrations/market-data'
import { filterKind, sinkKind, sourceKind } from '../integrations/registry'
import type { IntegrationContext, Item } from '../integrations/types'
import type { Logger } from '../log'
import { executorSettings } from '../sessions/executor-settings'
import type { ClaudeRuntime } from '../agent/claude-runtime'
import { storedTimestamp } from '../time'
import { runBatch, type BatchResult } from './batch-executor'
import { planFlow, type GraphPlan } from './dag'
import { fillTemplate, loadTemplate, minuteStamp, preview, renderPrompt, usesMarketData } from './prompt'
import type { RunEventBus } from './run-events'
import { RunRecorder, seconds } from './run-recorder'
import { INTERRUPTED, type RunStore } from './run-store'

export interface RunnerDeps {
  runs: RunStore
  bus: RunEventBus
  runtime: ClaudeRuntime
  integrations: IntegrationContext
  serverCwd: string
  executorTimeoutMs: number
  log: Logger
}

export interface RunOptions {
  /** Extra template variables (e.g. a webhook's payload). */
  variables?: Record<string, string>
  /** A PR-review run: these variables instead of sources and filters (§9.3). */
  context?: Record<string, string>
}

/** A failure that ends the run with this message. */
class RunFailure extends Error {}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
const configOf = (node: FlowNode) => (typeof node.config === 'object' && node.config !== null ? (node.config as Record<string, unknown>) : {})

export class FlowRunner {
  private readonly inFlight = new Set<Promise<FlowRun>>()
  private stopping = false

  constructor(private readonly deps: RunnerDeps) {}

  /** From now on a run that fails is one cut short by shutdown. */
  stop(): void {
    this.stopping = true
  }

  /** Waits for the runs still going (their claude children are ended at shutdown). */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight)
  }

  /** Creates the run record at once; the work goes on in the background. */
  async start(flow: Flow, options: RunOptions = {}): Promise<{ run: FlowRun; finished: Promise<FlowRun> }> {
    const run: FlowRun = { id: randomUUID(), flow_id: flow.id, status: 'running', started_at: storedTimestamp(), finished_at: null, node_runs: [], error: null }
    await this.deps.runs.add(run)
    const recorder = new RunRecorder(run, this.deps.runs, this.deps.bus)
    const started = performance.now()
    recorder.emit('run_started', null, options.context ? 'Flow execution started (with context)' : 'Flow execution started')
    const finished = (async () => {
      let error: string | null = null
      try {
        if (options.context) await this.contextRun(flow, options.context, recorder)
        else await this.normalRun(flow, options.variables ?? {}, recorder)
      } catch (failure) {
        error = this.stopping ? INTERRUPTED : message(failure)
        this.deps.log.warn(`run ${run.id} of flow "${flow.name}" failed: ${error}`)
      }
      await recorder.finish(error, started)
      return run
    })()
    this.inFlight.add(finished)
    void finished.finally(() => this.inFlight.delete(finished))
    return { run, finished }
  }

  private async normalRun(flow: Flow, variables: Record<string, string>, recorder: RunRecorder): Promise<void> {
    const plan = planFlow(flow)
    if (!flow.nodes.some((node) => node.node_type === 'executor')) throw new RunFailure('flow has no executor node')
    if (plan.shape === 'pipeline') await this.pipeline(flow, variables, recorder)
    else await this.graph(flow, plan, variables, recorder)
  }

  /**
   * What the flow's lead agent would start from (§9.4): sources fetched, filters
   * applied and the executor's prompt rendered — no run record, no events.
   */
  async prepare(flow: Flow): Promise<{ prompt: string; executor: FlowNode }> {
    const executor = flow.nodes.find((node) => node.node_type === 'executor')
    if (!executor) throw new RunFailure('flow has no executor node')
    const sources = flow.nodes.filter((node) => node.node_type === 'source').map((node) => this.parseSource(node))
    let items = (await Promise.all(sources.map((source) => this.fetch(source)))).flat()
    for (const node of flow.nodes.filter((n) => n.node_type === 'filter')) {
      const { kind, config } = this.parseFilter(node)
      items = kind.apply(config, items)
    }
    return { prompt: await this.render(executor, items, {}), executor }
  }

  // ---- the contract's fixed order (§9.1) ----

  private async pipeline(flow: Flow, variables: Record<string, string>, recorder: RunRecorder): Promise<void> {
    const executor = flow.nodes.find((node) => node.node_type === 'executor')!
    const sources = flow.nodes.filter((node) => node.node_type === 'source').map((node) => this.parseSource(node))
    let items: Item[] = []
    if (sources.some(({ node }) => node.kind !== 'market-data')) {
      const nodeRuns = sources.map(({ node }) => {
        recorder.emit('node_started', node.id, `Fetching ${node.label}...`)
        return recorder.startNode(node.id)
      })
      const started = performance.now()
      items = (await Promise.all(sources.map((source) => this.fetch(source)))).flat()
      sources.forEach(({ node }, index) => {
        recorder.emit('node_completed', node.id, `${items.length} items fetched in ${seconds(started)}s`)
        recorder.finishNode(nodeRuns[index]!, 'success', `${items.length} items fetched`)
      })
    }
    for (const node of flow.nodes.filter((n) => n.node_type === 'filter')) {
      recorder.emit('node_started', node.id, `Applying ${node.label}...`)
      const nodeRun = recorder.startNode(node.id)
      let filter
      try {
        filter = this.parseFilter(node)
      } catch (error) {
        recorder.finishNode(nodeRun, 'failed', `Failed: ${message(error)}`)
        recorder.emit('node_failed', node.id, `Failed: ${message(error)}`)
        throw new RunFailure(message(error))
      }
      const before = items.length
      items = filter.kind.apply(filter.config, items)
      const summary = `${before} → ${items.length} items (${before - items.length} dropped)`
      recorder.emit('node_completed', node.id, summary)
      recorder.finishNode(nodeRun, 'success', summary)
    }
    const prompt = await this.render(executor, items, variables)
    recorder.emit('log', null, `Prompt rendered (${Buffer.byteLength(prompt)} chars)`)
    const result = await this.execute(executor, prompt, executorSettings(executor, this.deps.serverCwd).workingDir, recorder)
    if (result.text === '') return
    const sinks = flow.nodes.filter((node) => node.node_type === 'sink').map((node) => this.resolveSink(node))
    for (const sink of sinks) await this.deliver(sink, [result.text], recorder, true)
  }

  // ---- the edges decide (dag.ts) ----

  private async graph(flow: Flow, plan: GraphPlan, variables: Record<string, string>, recorder: RunRecorder): Promise<void> {
    const inputsOf = (node: FlowNode) => plan.inputs.get(node.id) ?? []
    const fedByExecutor = (node: FlowNode) => inputsOf(node).some((input) => input.node_type === 'executor')
    // Every config is checked before any node runs.
    const sources = new Map(plan.nodes.filter((n) => n.node_type === 'source').map((n) => [n.id, this.parseSource(n)]))
    const filters = new Map(plan.nodes.filter((n) => n.node_type === 'filter').map((n) => [n.id, this.parseFilter(n)]))
    const sinks = new Map(plan.nodes.filter((n) => n.node_type === 'sink' && fedByExecutor(n)).map((n) => [n.id, this.resolveSink(n)]))

    const items = new Map<string, Item[]>()
    const texts = new Map<string, string>()
    const failures: string[] = []
    const itemsFrom = (node: FlowNode) => [...new Set(inputsOf(node).flatMap((input) => items.get(input.id) ?? []))]
    const done = new Map<string, Promise<void>>()
    const whenDone = (node: FlowNode): Promise<void> => {
      let promise = done.get(node.id)
      if (!promise) {
        promise = Promise.all(inputsOf(node).map(whenDone)).then(() => work(node))
        done.set(node.id, promise)
      }
      return promise
    }
    const work = async (node: FlowNode): Promise<void> => {
      switch (node.node_type) {
        case 'source': {
          recorder.emit('node_started', node.id, `Fetching ${node.label}...`)
          const nodeRun = recorder.startNode(node.id)
          const started = performance.now()
          const fetched = await this.fetch(sources.get(node.id)!)
          items.set(node.id, fetched)
          recorder.emit('node_completed', node.id, `${fetched.length} items fetched in ${seconds(started)}s`)
          return recorder.finishNode(nodeRun, 'success', `${fetched.length} items fetched`)
        }
        case 'filter': {
          recorder.emit('node_started', node.id, `Applying ${node.label}...`)
          const nodeRun = recorder.startNode(node.id)
          const input = itemsFrom(node)
          const { kind, config } = filters.get(node.id)!
          const kept = kind.apply(config, input)
          items.set(node.id, kept)
          const summary = `${input.length} → ${kept.length} items (${input.length - kept.length} dropped)`
          recorder.emit('node_completed', node.id, summary)
          return recorder.finishNode(nodeRun, 'success', summary)
        }
        case 'executor': {
          const upstream = inputsOf(node).filter((input) => input.node_type === 'executor')
          // An executor whose upstream executor failed has nothing to work on.
          if (upstream.some((input) => !texts.has(input.id))) return
          try {
            let prompt = await this.render(node, itemsFrom(node), variables)
            for (const input of upstream) prompt += `\n\nOutput of ${input.label}:\n<<<\n${texts.get(input.id)}\n>>>`
            recorder.emit('log', node.id, `Prompt rendered (${Buffer.byteLength(prompt)} chars)`)
            const result = await this.execute(node, prompt, executorSettings(node, this.deps.serverCwd).workingDir, recorder)
            texts.set(node.id, result.text)
          } catch (error) {
            failures.push(message(error))
          }
          return
        }
        case 'sink': {
          const sink = sinks.get(node.id)
          const outputs = inputsOf(node).flatMap((input) => (input.node_type === 'executor' ? [texts.get(input.id) ?? ''] : [])).filter((text) => text !== '')
          if (sink && outputs.length > 0) await this.deliver(sink, outputs, recorder, true)
          return
        }
        default:
          return
      }
    }
    await Promise.all(plan.nodes.map(whenDone))
    if (failures.length > 0) throw new RunFailure(failures[0]!)
  }

  // ---- PR reviews (§9.3) ----

  private async contextRun(flow: Flow, context: Record<string, string>, recorder: RunRecorder): Promise<void> {
    const executor = flow.nodes.find((node) => node.node_type === 'executor')
    if (!executor) throw new RunFailure('flow has no executor node')
    const trigger = flow.nodes.find((node) => node.node_type === 'trigger')
    const triggerDir = trigger && typeof configOf(trigger).working_dir === 'string' ? (configOf(trigger).working_dir as string) : undefined
    const workingDir = executorSettings(triggerDir ? { ...executor, config: { ...configOf(executor), working_dir: triggerDir } } : executor, this.deps.serverCwd).workingDir
    const template = await this.template(executor)
    const prompt = fillTemplate(template, { timestamp: minuteStamp(this.deps.integrations.now()), ...context })
    recorder.emit('log', null, 'Prompt rendered')
    const result = await this.execute(executor, prompt, workingDir, recorder)
    const sinkNodes = flow.nodes.filter((node) => node.node_type === 'sink')
    if (result.text === '' || sinkNodes.length === 0) return
    const sinks = sinkNodes.map((node) => this.resolveSink(node))
    for (const sink of sinks) await this.deliver(sink, [result.text], recorder, false)
  }

  // ---- node work shared by every shape ----

  private parseSource(node: FlowNode) {
    const kind = sourceKind(node.kind)
    return { node, kind, config: kind.parse(node.config) }
  }

  private parseFilter(node: FlowNode) {
    const kind = filterKind(node.kind)
    return { kind, config: kind.parse(node.config) }
  }

  private resolveSink(node: FlowNode) {
    const kind = sinkKind(node.kind)
    return { node, kind, target: kind.resolve(node.config, this.deps.integrations.env) }
  }

  /** A failing source contributes no items; the run goes on. */
  private async fetch({ node, kind, config }: ReturnType<FlowRunner['parseSource']>): Promise<Item[]> {
    try {
      return await kind.fetch(config, this.deps.integrations)
    } catch (error) {
      this.deps.log.warn(`source ${node.label} (${node.kind}) failed: ${message(error)}`)
      return []
    }
  }

  private template(executor: FlowNode): Promise<string> {
    const prompt = configOf(executor).prompt
    if (typeof prompt !== 'string') throw new RunFailure(`executor ${executor.label} has no prompt`)
    return loadTemplate(prompt, this.deps.serverCwd)
  }

  private async render(executor: FlowNode, items: Item[], variables: Record<string, string>): Promise<string> {
    const template = await this.template(executor)
    const values: Record<string, string> = { timestamp: minuteStamp(this.deps.integrations.now()), ...variables }
    if (usesMarketData(template)) values.market_data = await fetchMarketSnapshot(this.deps.integrations)
    return renderPrompt(template, items, values)
  }

  private async execute(executor: FlowNode, prompt: string, workingDir: string, recorder: RunRecorder): Promise<BatchResult> {
    const settings = executorSettings(executor, this.deps.serverCwd)
    recorder.emit('node_started', executor.id, `Executing ${executor.kind}...`)
    const nodeRun = recorder.startNode(executor.id)
    let result: BatchResult
    try {
      result = await runBatch({ prompt, permissions: settings.permissions, appendSystemPrompt: settings.appendSystemPrompt, workingDir, timeoutMs: this.deps.executorTimeoutMs }, this.deps.runtime)
    } catch (error) {
      // The node fails visibly before the run does (§13.3).
      recorder.finishNode(nodeRun, 'failed', preview(`Failed: ${message(error)}`))
      recorder.emit('node_failed', executor.id, `Failed: ${message(error)}`)
      throw new RunFailure(`executor failed: ${message(error)}`)
    }
    recorder.emit('node_completed', executor.id, `${result.turns} turns, $${result.cost.toFixed(4)}, ${Buffer.byteLength(result.text)} chars output`)
    recorder.finishNode(nodeRun, 'success', preview(result.text))
    return result
  }

  /** Sink failures mark the node failed but never fail the run. */
  private async deliver(sink: ReturnType<FlowRunner['resolveSink']>, texts: string[], recorder: RunRecorder, withNodeRun: boolean): Promise<void> {
    const { node, kind, target } = sink
    recorder.emit('node_started', node.id, `Delivering to ${node.label}...`)
    const nodeRun = withNodeRun ? recorder.startNode(node.id) : null
    const started = performance.now()
    try {
      for (const text of texts) await kind.deliver(target, text, this.deps.integrations)
    } catch (error) {
      recorder.emit('node_failed', node.id, `Failed: ${message(error)}`)
      if (nodeRun) recorder.finishNode(nodeRun, 'failed', preview(`Failed: ${message(error)}`))
      return
    }
    recorder.emit('node_completed', node.id, `Delivered in ${seconds(started)}s`)
    if (nodeRun) recorder.finishNode(nodeRun, 'success', preview(texts.join('\n\n')))
  }
}
