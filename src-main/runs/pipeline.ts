// The contract's fixed order (§9.1), for every flow with at most one executor,
// whatever its edges: all sources at once, every filter in `nodes` order, the
// executor, then every sink (only when the executor said something).
import type { Flow } from '../contract/api'
import type { Item } from '../integrations/types'
import { executorsOf } from './dag'
import { parseSource, resolveSink, startProblems, throwFirst } from './flow-checks'
import type { NodeWork } from './node-work'
import { executorSettings } from '../sessions/executor-settings'
import { seconds } from './run-recorder'

export async function runPipeline(flow: Flow, variables: Record<string, string>, work: NodeWork): Promise<void> {
  const { recorder, deps } = work
  // No executor, or a source config that cannot be used: fail before any node event.
  throwFirst(startProblems(flow))
  const executor = executorsOf(flow)[0]!
  const sources = flow.nodes.filter((node) => node.node_type === 'source').map(parseSource)
  let items: Item[] = []
  if (sources.some(({ node }) => node.kind !== 'market-data')) {
    work.checkpoint()
    const nodeRuns = sources.map(({ node }) => {
      recorder.emit('node_started', node.id, `Fetching ${node.label}...`)
      return recorder.startNode(node.id)
    })
    const started = performance.now()
    items = (await Promise.all(sources.map((source) => work.fetch(source)))).flat()
    work.checkpoint()
    sources.forEach(({ node }, index) => {
      recorder.emit('node_completed', node.id, `${items.length} items fetched in ${seconds(started)}s`)
      recorder.finishNode(nodeRuns[index]!, 'success', `${items.length} items fetched`)
    })
  }
  for (const node of flow.nodes.filter((n) => n.node_type === 'filter')) items = work.applyFilter(node, items)
  const prompt = await work.render(executor, items, variables)
  recorder.emit('log', null, `Prompt rendered (${Buffer.byteLength(prompt)} chars)`)
  const result = await work.execute(executor, prompt, executorSettings(executor, deps.serverCwd).workingDir)
  if (result.text === '') return
  // Every sink is resolved (env vars looked up) before the first delivery.
  const sinks = flow.nodes.filter((node) => node.node_type === 'sink').map((node) => resolveSink(node, deps.integrations.env))
  for (const sink of sinks) await work.deliver(sink, [result.text], true)
}
