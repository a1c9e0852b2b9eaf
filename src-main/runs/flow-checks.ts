// Everything about a flow's configuration that can make a run fail, in one
// place: the runner raises these (at the moments the contract's §9.1 says), and
// POST /api/flows/{id}/validate reports all of them at once — so a flow that
// validates cleanly does not fail on configuration. Pure apart from looking at
// the file system (prompt files, working directories).
import { statSync } from 'node:fs'
import type { Flow, FlowNode, ValidationProblem } from '../contract/api'
import { filterKind, sinkKind, sourceKind } from '../integrations/registry'
import type { FilterKind, SinkKind, SourceKind } from '../integrations/types'
import { parseCron } from '../scheduler/cron'
import { executorSettings } from '../sessions/executor-settings'
import { executorsOf, findCycle, followsEdges, isWorking, reachable } from './dag'
import { templateError } from './prompt'

export interface CheckContext {
  /** Environment seen by sinks (the env-var names in their configs). */
  env: NodeJS.ProcessEnv
  /** Where relative prompt files and working dirs resolve. */
  serverCwd: string
}

/** A configuration problem that ends a run; its message is the run's error. */
export class FlowCheckError extends Error {
  constructor(readonly problem: ValidationProblem) {
    super(problem.message)
  }
}

export interface ParsedSource {
  node: FlowNode
  kind: SourceKind
  config: unknown
}

export interface ParsedFilter {
  node: FlowNode
  kind: FilterKind
  config: unknown
}

export interface ResolvedSink {
  node: FlowNode
  kind: SinkKind
  target: unknown
}

const problem = (node_id: string | null, field: string | null, message: string): ValidationProblem => ({ node_id, field, message })
const configOf = (node: FlowNode): Record<string, unknown> => (typeof node.config === 'object' && node.config !== null && !Array.isArray(node.config) ? (node.config as Record<string, unknown>) : {})
const nameOf = (node: FlowNode) => node.label || node.id

/** Which config field an integration's error message is about, where it can be told. */
export function fieldOf(message: string, node: FlowNode): string | null {
  if (/^unknown \w+ kind: /.test(message)) return 'kind'
  const missing = /missing '([^']+)'/.exec(message)
  if (missing) return missing[1]!
  const env = /requires env var (\S+) but it is not set/.exec(message)
  if (env) return Object.entries(configOf(node)).find(([, value]) => value === env[1])?.[0] ?? null
  if (/requires a channel/.test(message)) return 'channel'
  if (/requires either webhook_url_env or bot_token_env/.test(message)) return 'webhook_url_env'
  return null
}

/** Runs an integration's parse step, turning its error into a FlowCheckError about that node. */
function attempt<T>(node: FlowNode, step: () => T): T {
  try {
    return step()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new FlowCheckError(problem(node.id, fieldOf(message, node), message))
  }
}

export function parseSource(node: FlowNode): ParsedSource {
  return attempt(node, () => {
    const kind = sourceKind(node.kind)
    return { node, kind, config: kind.parse(node.config) }
  })
}

export function parseFilter(node: FlowNode): ParsedFilter {
  return attempt(node, () => {
    const kind = filterKind(node.kind)
    return { node, kind, config: kind.parse(node.config) }
  })
}

/** Parses a sink's config and looks up the environment variables it names. */
export function resolveSink(node: FlowNode, env: NodeJS.ProcessEnv): ResolvedSink {
  return attempt(node, () => {
    const kind = sinkKind(node.kind)
    return { node, kind, target: kind.resolve(node.config, env) }
  })
}

/** The first problem of a list as an error, if any. */
export function throwFirst(problems: readonly ValidationProblem[]): void {
  if (problems.length > 0) throw new FlowCheckError(problems[0]!)
}

export function executorProblems(flow: Flow): ValidationProblem[] {
  return executorsOf(flow).length === 0 ? [problem(null, null, 'flow has no executor node')] : []
}

/** An executor without a `prompt` string (an empty one is allowed: an empty template). */
export function missingPrompt(executor: FlowNode): ValidationProblem | null {
  return typeof configOf(executor).prompt === 'string' ? null : problem(executor.id, 'prompt', `executor ${executor.label} has no prompt`)
}

/** The executor's `prompt` is missing, or names a file that cannot be read. */
export function promptProblems(executor: FlowNode, serverCwd: string): ValidationProblem[] {
  const missing = missingPrompt(executor)
  if (missing) return [missing]
  const error = templateError(configOf(executor).prompt as string, serverCwd)
  return error ? [problem(executor.id, 'prompt', error)] : []
}

export function workingDirProblems(executor: FlowNode, serverCwd: string): ValidationProblem[] {
  const dir = executorSettings(executor, serverCwd).workingDir
  let isDir = false
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    isDir = false
  }
  return isDir ? [] : [problem(executor.id, 'working_dir', `working directory ${dir} does not exist`)]
}

const GRAPH_NOTE = 'a flow with two or more executors follows its edges'

/**
 * Only for flows that follow their edges (two or more executors): every edge
 * joins two nodes of the flow, no cycle, and every working node is wired —
 * reachable from a trigger (when the flow has one), sources and filters leading
 * to an executor, sinks fed directly by one, filters fed only by sources or filters.
 */
export function wiringProblems(flow: Flow): ValidationProblem[] {
  if (!followsEdges(flow)) return []
  const byId = new Map(flow.nodes.map((node) => [node.id, node]))
  const problems: ValidationProblem[] = []
  for (const edge of flow.edges) {
    for (const end of [edge.source, edge.target]) {
      if (!byId.has(end)) problems.push(problem(null, null, `edge ${edge.id} connects a node that does not exist: ${end}`))
    }
  }
  const cycle = findCycle(flow)
  if (cycle) problems.push(problem(null, null, `the flow's edges form a cycle: ${cycle.map((id) => nameOf(byId.get(id)!)).join(' → ')}`))

  const triggers = flow.nodes.filter((node) => !isWorking(node)).map((node) => node.id)
  const fromTriggers = triggers.length > 0 ? reachable(flow, triggers, true) : null
  const inputsOf = (node: FlowNode) => flow.edges.filter((edge) => edge.target === node.id).map((edge) => byId.get(edge.source)).filter((n): n is FlowNode => n !== undefined && isWorking(n))
  for (const node of flow.nodes.filter(isWorking)) {
    const what = `${node.node_type} ${nameOf(node)}`
    if (fromTriggers && !fromTriggers.has(node.id)) problems.push(problem(node.id, null, `${what} is not reachable from a trigger (${GRAPH_NOTE})`))
    if (node.node_type === 'source' || node.node_type === 'filter') {
      const downstream = reachable(flow, [node.id], true)
      if (![...downstream].some((id) => byId.get(id)?.node_type === 'executor')) problems.push(problem(node.id, null, `${what} does not lead to an executor (${GRAPH_NOTE})`))
    }
    if (node.node_type === 'filter') {
      for (const input of inputsOf(node).filter((n) => n.node_type !== 'source' && n.node_type !== 'filter')) {
        problems.push(problem(node.id, null, `${what} can only take items from sources and filters, not from ${input.node_type} ${nameOf(input)}`))
      }
    }
    if (node.node_type === 'sink') {
      const inputs = inputsOf(node)
      if (!inputs.some((n) => n.node_type === 'executor')) problems.push(problem(node.id, null, `${what} is not fed by an executor (${GRAPH_NOTE})`))
      for (const input of inputs.filter((n) => n.node_type !== 'executor')) {
        problems.push(problem(node.id, null, `${what} can only take an executor's output, not ${input.node_type} ${nameOf(input)}'s`))
      }
    }
  }
  return problems
}

function collect(step: () => unknown): ValidationProblem[] {
  try {
    step()
    return []
  } catch (error) {
    if (error instanceof FlowCheckError) return [error.problem]
    throw error
  }
}

/**
 * What a run checks before its first node event, in the runner's order: an
 * executor; for an edge-following flow the wiring; every source's config.
 * (A flow that follows its edges checks filters, prompts and sinks up front
 * too — see `graphProblems`.)
 */
export function startProblems(flow: Flow): ValidationProblem[] {
  const none = executorProblems(flow)
  if (none.length > 0) return none
  return [...wiringProblems(flow), ...flow.nodes.filter((n) => n.node_type === 'source').flatMap((n) => collect(() => parseSource(n)))]
}

/** The rest of an edge-following flow's up-front checks: filters, every executor's prompt, sinks. */
export function graphProblems(flow: Flow, context: CheckContext): ValidationProblem[] {
  return [
    ...flow.nodes.filter((n) => n.node_type === 'filter').flatMap((n) => collect(() => parseFilter(n))),
    ...executorsOf(flow).flatMap((n) => promptProblems(n, context.serverCwd)),
    ...flow.nodes.filter((n) => n.node_type === 'sink').flatMap((n) => collect(() => resolveSink(n, context.env))),
  ]
}

/** Things that are not run failures but keep the flow from starting on its own: warnings. */
export function triggerProblems(flow: Flow): ValidationProblem[] {
  const warn = (node_id: string | null, field: string | null, message: string): ValidationProblem[] => [{ ...problem(node_id, field, message), severity: 'warning' }]
  const trigger = flow.nodes.find((node) => node.node_type === 'trigger')
  if (!trigger) return warn(null, null, 'the flow has no trigger: it can only be run by hand')
  if (trigger.kind !== 'cron') return []
  const schedule = configOf(trigger).schedule
  if (typeof schedule !== 'string') return warn(trigger.id, 'schedule', "cron trigger missing 'schedule'")
  if (schedule.trim() === '') return warn(trigger.id, 'schedule', 'cron trigger has no schedule configured')
  const parsed = parseCron(schedule)
  return parsed.ok ? [] : warn(trigger.id, 'schedule', `invalid cron: ${parsed.error}`)
}

/** Errors make a run fail; warnings do not. */
export const isError = (found: ValidationProblem): boolean => found.severity !== 'warning'

/** Every problem at once, for POST /api/flows/{id}/validate. */
export function checkFlow(flow: Flow, context: CheckContext): ValidationProblem[] {
  return dedupe([
    ...executorProblems(flow),
    ...wiringProblems(flow),
    ...flow.nodes.filter((n) => n.node_type === 'source').flatMap((n) => collect(() => parseSource(n))),
    ...graphProblems(flow, context),
    ...executorsOf(flow).flatMap((n) => workingDirProblems(n, context.serverCwd)),
    ...triggerProblems(flow),
  ])
}

function dedupe(problems: ValidationProblem[]): ValidationProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = JSON.stringify(p)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
