// A pull-request review run (§9.3): the review's variables instead of sources
// and filters, the trigger's working dir first, sinks without node records.
import type { Flow } from '../contract/api'
import { executorSettings } from '../sessions/executor-settings'
import { executorsOf } from './dag'
import { executorProblems, resolveSink, throwFirst } from './flow-checks'
import { configOf, type NodeWork } from './node-work'
import { fillTemplate, minuteStamp } from './prompt'

export async function runWithContext(flow: Flow, context: Record<string, string>, work: NodeWork): Promise<void> {
  const { recorder, deps } = work
  throwFirst(executorProblems(flow))
  const executor = executorsOf(flow)[0]!
  const trigger = flow.nodes.find((node) => node.node_type === 'trigger')
  const triggerDir = trigger && typeof configOf(trigger).working_dir === 'string' ? (configOf(trigger).working_dir as string) : undefined
  const workingDir = executorSettings(triggerDir ? { ...executor, config: { ...configOf(executor), working_dir: triggerDir } } : executor, deps.serverCwd).workingDir
  const template = await work.template(executor)
  const prompt = fillTemplate(template, { timestamp: minuteStamp(deps.integrations.now()), ...context })
  recorder.emit('log', null, 'Prompt rendered')
  const result = await work.execute(executor, prompt, workingDir)
  const sinkNodes = flow.nodes.filter((node) => node.node_type === 'sink')
  if (result.text === '' || sinkNodes.length === 0) return
  const sinks = sinkNodes.map((node) => resolveSink(node, deps.integrations.env))
  for (const sink of sinks) await work.deliver(sink, [result.text], false)
}
