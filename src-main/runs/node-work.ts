// The work of single nodes within one run, shared by every run shape: fetch a
// source, apply a filter, render and execute an executor, deliver to a sink.
// Each step first makes sure the run has not been cancelled.
import type { FlowNode } from '../contract/api'
import type { ClaudeRuntime } from '../agent/claude-runtime'
import { fetchMarketSnapshot } from '../integrations/market-data'
import type { IntegrationContext, Item } from '../integrations/types'
import type { Logger } from '../log'
import { executorSettings } from '../sessions/executor-settings'
import { BatchCancelled, runBatch, type BatchResult } from './batch-executor'
import { OutputLog, OutputReader } from './executor-output'
import { FlowCheckError, missingPrompt, parseFilter, type ParsedFilter, type ParsedSource, type ResolvedSink } from './flow-checks'
import { loadTemplate, minuteStamp, preview, renderPrompt, usesMarketData } from './prompt'
import { seconds, type RunRecorder } from './run-recorder'
import type { PermissionRegistry } from '../permissions/registry'
import { DEFAULT_APPROVAL_TIMEOUT_MS, runApprovals } from './run-approvals'

export interface WorkDeps {
  runtime: ClaudeRuntime
  integrations: IntegrationContext
  serverCwd: string
  executorTimeoutMs: number
  log: Logger
  /** Where executors' permission questions go (absent: none are asked over stdio). */
  permissions?: PermissionRegistry
  /** An unanswered question of a run is denied after this long. */
  approvalTimeoutMs?: number
}

/** A failure that ends the run with this message. */
export class RunFailure extends Error {}

/** The run was cancelled: whatever was going on stops quietly. */
export class RunCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
export const configOf = (node: FlowNode) => (typeof node.config === 'object' && node.config !== null ? (node.config as Record<string, unknown>) : {})

/** A failing source contributes no items; the run goes on. */
export async function fetchSource(deps: WorkDeps, { node, kind, config }: ParsedSource): Promise<Item[]> {
  try {
    return await kind.fetch(config, deps.integrations)
  } catch (error) {
    deps.log.warn(`source ${node.label} (${node.kind}) failed: ${message(error)}`)
    return []
  }
}

export function executorTemplate(deps: WorkDeps, executor: FlowNode): Promise<string> {
  const missing = missingPrompt(executor)
  if (missing) return Promise.reject(new FlowCheckError(missing))
  return loadTemplate(configOf(executor).prompt as string, deps.serverCwd)
}

/** The executor's prompt (§9.2): its template filled with the items and variables. */
export async function renderExecutorPrompt(deps: WorkDeps, executor: FlowNode, items: Item[], variables: Record<string, string>): Promise<string> {
  const template = await executorTemplate(deps, executor)
  const values: Record<string, string> = { timestamp: minuteStamp(deps.integrations.now()), ...variables }
  if (usesMarketData(template)) values.market_data = await fetchMarketSnapshot(deps.integrations)
  return renderPrompt(template, items, values)
}

export class NodeWork {
  constructor(
    readonly deps: WorkDeps,
    readonly recorder: RunRecorder,
    private readonly signal: AbortSignal,
  ) {}

  /** Throws once the run is cancelled, so no later step starts. */
  checkpoint(): void {
    if (this.signal.aborted) throw new RunCancelled()
  }

  fetch(source: ParsedSource): Promise<Item[]> {
    return fetchSource(this.deps, source)
  }

  /** A filter node with its events; a bad config fails the node, then the run (§13.3). */
  applyFilter(node: FlowNode, items: Item[], parsed?: ParsedFilter): Item[] {
    this.checkpoint()
    const { recorder } = this
    recorder.emit('node_started', node.id, `Applying ${node.label}...`)
    const nodeRun = recorder.startNode(node.id)
    let filter: ParsedFilter
    try {
      filter = parsed ?? parseFilter(node)
    } catch (error) {
      recorder.finishNode(nodeRun, 'failed', `Failed: ${message(error)}`)
      recorder.emit('node_failed', node.id, `Failed: ${message(error)}`)
      throw new RunFailure(message(error))
    }
    const kept = filter.kind.apply(filter.config, items)
    const summary = `${items.length} → ${kept.length} items (${items.length - kept.length} dropped)`
    recorder.emit('node_completed', node.id, summary)
    recorder.finishNode(nodeRun, 'success', summary)
    return kept
  }

  template(executor: FlowNode): Promise<string> {
    return executorTemplate(this.deps, executor)
  }

  async render(executor: FlowNode, items: Item[], variables: Record<string, string>): Promise<string> {
    const prompt = await renderExecutorPrompt(this.deps, executor, items, variables)
    this.checkpoint()
    return prompt
  }

  /** Runs `claude` for an executor node, its output going live and into the node run's `output`. */
  async execute(executor: FlowNode, prompt: string, workingDir: string): Promise<BatchResult> {
    this.checkpoint()
    const { recorder } = this
    const settings = executorSettings(executor, this.deps.serverCwd)
    recorder.emit('node_started', executor.id, `Executing ${executor.kind}...`)
    const nodeRun = recorder.startNode(executor.id)
    const log = new OutputLog()
    const reader = new OutputReader((piece) => {
      recorder.emit(piece.kind, executor.id, piece.message)
      log.add(piece)
      recorder.setOutput(nodeRun, log.value)
    })
    let result: BatchResult
    const { permissions: registry } = this.deps
    const approvals = registry ? runApprovals(registry, recorder, executor, workingDir, this.deps.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS) : null
    try {
      const policy = { ...settings.policy, remembered: registry?.rememberedFor(workingDir) ?? [] }
      const job = { prompt, permissions: policy, appendSystemPrompt: settings.appendSystemPrompt, workingDir, timeoutMs: this.deps.executorTimeoutMs }
      result = await runBatch(job, this.deps.runtime, { onLine: (line) => reader.line(line), signal: this.signal, ...(approvals ? { onPermission: approvals.onPermission } : {}) })
    } catch (error) {
      approvals?.done()
      reader.flush()
      if (error instanceof BatchCancelled) throw new RunCancelled()
      // The node fails visibly before the run does (§13.3).
      recorder.finishNode(nodeRun, 'failed', preview(`Failed: ${message(error)}`))
      recorder.emit('node_failed', executor.id, `Failed: ${message(error)}`)
      throw new RunFailure(`executor failed: ${message(error)}`)
    }
    approvals?.done()
    reader.flush()
    recorder.addCost(result.cost)
    recorder.emit('node_completed', executor.id, `${result.turns} turns, $${result.cost.toFixed(4)}, ${Buffer.byteLength(result.text)} chars output`)
    recorder.finishNode(nodeRun, 'success', preview(result.text))
    return result
  }

  /** Sink failures mark the node failed but never fail the run. */
  async deliver(sink: ResolvedSink, texts: string[], withNodeRun: boolean): Promise<void> {
    this.checkpoint()
    const { recorder } = this
    const { node, kind, target } = sink
    recorder.emit('node_started', node.id, `Delivering to ${node.label}...`)
    const nodeRun = withNodeRun ? recorder.startNode(node.id) : null
    const started = performance.now()
    try {
      for (const text of texts) {
        this.checkpoint()
        await kind.deliver(target, text, this.deps.integrations)
      }
    } catch (error) {
      if (error instanceof RunCancelled) throw error
      recorder.emit('node_failed', node.id, `Failed: ${message(error)}`)
      if (nodeRun) recorder.finishNode(nodeRun, 'failed', preview(`Failed: ${message(error)}`))
      return
    }
    recorder.emit('node_completed', node.id, `Delivered in ${seconds(started)}s`)
    if (nodeRun) recorder.finishNode(nodeRun, 'success', preview(texts.join('\n\n')))
  }
}
