// Flows with two or more executors follow their edges: a node starts when
// every working node feeding it is done, so independent branches run side by
// side. The whole flow is checked first (wiring, every config, prompts, sinks):
// a problem fails the run before any node event, and nothing is skipped silently.
import type { Flow, FlowNode } from '../contract/api'
import type { Item } from '../integrations/types'
import { executorSettings } from '../sessions/executor-settings'
import type { GraphPlan } from './dag'
import { graphProblems, parseFilter, parseSource, resolveSink, startProblems, throwFirst } from './flow-checks'
import { message, RunCancelled, RunFailure, type NodeWork } from './node-work'
import { seconds } from './run-recorder'

export async function runGraph(flow: Flow, plan: GraphPlan, variables: Record<string, string>, work: NodeWork): Promise<void> {
  const { recorder, deps } = work
  throwFirst([...startProblems(flow), ...graphProblems(flow, { env: deps.integrations.env, serverCwd: deps.serverCwd })])
  const ofType = (type: FlowNode['node_type']) => plan.nodes.filter((n) => n.node_type === type)
  const sources = new Map(ofType('source').map((n) => [n.id, parseSource(n)]))
  const filters = new Map(ofType('filter').map((n) => [n.id, parseFilter(n)]))
  const sinks = new Map(ofType('sink').map((n) => [n.id, resolveSink(n, deps.integrations.env)]))

  const inputsOf = (node: FlowNode) => plan.inputs.get(node.id) ?? []
  const items = new Map<string, Item[]>()
  const texts = new Map<string, string>()
  const failures: string[] = []
  // Exactly what the feeding nodes produced (an item reaching a node twice counts once).
  const itemsFrom = (node: FlowNode) => [...new Set(inputsOf(node).flatMap((input) => items.get(input.id) ?? []))]
  const done = new Map<string, Promise<void>>()
  const whenDone = (node: FlowNode): Promise<void> => {
    let promise = done.get(node.id)
    if (!promise) {
      promise = Promise.all(inputsOf(node).map(whenDone)).then(() => step(node))
      done.set(node.id, promise)
    }
    return promise
  }
  const step = async (node: FlowNode): Promise<void> => {
    work.checkpoint()
    switch (node.node_type) {
      case 'source': {
        recorder.emit('node_started', node.id, `Fetching ${node.label}...`)
        const nodeRun = recorder.startNode(node.id)
        const started = performance.now()
        const fetched = await work.fetch(sources.get(node.id)!)
        work.checkpoint()
        items.set(node.id, fetched)
        recorder.emit('node_completed', node.id, `${fetched.length} items fetched in ${seconds(started)}s`)
        return recorder.finishNode(nodeRun, 'success', `${fetched.length} items fetched`)
      }
      case 'filter':
        items.set(node.id, work.applyFilter(node, itemsFrom(node), filters.get(node.id)))
        return
      case 'executor': {
        const upstream = inputsOf(node).filter((input) => input.node_type === 'executor')
        // An executor whose upstream executor failed has nothing to work on.
        if (upstream.some((input) => !texts.has(input.id))) return
        try {
          let prompt = await work.render(node, itemsFrom(node), variables)
          for (const input of upstream) prompt += `\n\nOutput of ${input.label}:\n<<<\n${texts.get(input.id)}\n>>>`
          recorder.emit('log', node.id, `Prompt rendered (${Buffer.byteLength(prompt)} chars)`)
          const result = await work.execute(node, prompt, executorSettings(node, deps.serverCwd).workingDir)
          texts.set(node.id, result.text)
        } catch (error) {
          if (error instanceof RunCancelled) throw error
          failures.push(message(error))
        }
        return
      }
      case 'sink': {
        const outputs = inputsOf(node).flatMap((input) => (input.node_type === 'executor' ? [texts.get(input.id) ?? ''] : [])).filter((text) => text !== '')
        if (outputs.length > 0) await work.deliver(sinks.get(node.id)!, outputs, true)
        return
      }
      default:
        return
    }
  }
  await Promise.all(plan.nodes.map(whenDone))
  if (failures.length > 0) throw new RunFailure(failures[0]!)
}
