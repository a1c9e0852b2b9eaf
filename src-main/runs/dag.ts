// How a flow's nodes run (pure). One rule:
// - at most one executor: the contract's fixed pipeline (§9.1) — sources,
//   filters in `nodes` order, the executor, sinks — whatever edges are drawn;
// - two or more executors: the edges decide. A node starts when every working
//   node feeding it is done, so independent branches run side by side. Such a
//   flow must be fully wired (see flow-checks.ts) before it may run.
import type { Flow, FlowNode } from '../contract/api'

export interface GraphPlan {
  shape: 'graph'
  /** Working nodes (no triggers), in flow order. */
  nodes: FlowNode[]
  /** node id → the working nodes that feed it, in edge order */
  inputs: Map<string, FlowNode[]>
}

export interface PipelinePlan {
  shape: 'pipeline'
}

export type Plan = GraphPlan | PipelinePlan

export const isWorking = (node: FlowNode) => node.node_type !== 'trigger'

export const executorsOf = (flow: Flow) => flow.nodes.filter((node) => node.node_type === 'executor')

/** Edges never matter to a flow with at most one executor. */
export function followsEdges(flow: Flow): boolean {
  return executorsOf(flow).length >= 2
}

export function planFlow(flow: Flow): Plan {
  if (!followsEdges(flow)) return { shape: 'pipeline' }
  const byId = new Map(flow.nodes.map((node) => [node.id, node]))
  const nodes = flow.nodes.filter(isWorking)
  const inputs = new Map<string, FlowNode[]>(nodes.map((node) => [node.id, []]))
  for (const edge of flow.edges) {
    const source = byId.get(edge.source)
    const feeding = inputs.get(edge.target)
    if (!source || !isWorking(source) || !feeding) continue
    if (!feeding.includes(source)) feeding.push(source)
  }
  return { shape: 'graph', nodes, inputs }
}

/** Ids reachable from `start` along edges (forward) or against them, `start` excluded unless on a cycle. */
export function reachable(flow: Flow, start: readonly string[], forward: boolean): Set<string> {
  const next = new Map<string, string[]>()
  for (const edge of flow.edges) {
    const [from, to] = forward ? [edge.source, edge.target] : [edge.target, edge.source]
    next.set(from, [...(next.get(from) ?? []), to])
  }
  const found = new Set<string>()
  const queue = [...start]
  while (queue.length > 0) {
    for (const id of next.get(queue.shift()!) ?? []) {
      if (found.has(id)) continue
      found.add(id)
      queue.push(id)
    }
  }
  return found
}

/** The node ids of one cycle (first node repeated at the end), or null. */
export function findCycle(flow: Flow): string[] | null {
  const next = new Map<string, string[]>()
  for (const edge of flow.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target])
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (id: string): string[] | null => {
    state.set(id, 'open')
    path.push(id)
    for (const target of next.get(id) ?? []) {
      if (state.get(target) === 'open') return [...path.slice(path.indexOf(target)), target]
      if (!state.has(target)) {
        const found = visit(target)
        if (found) return found
      }
    }
    path.pop()
    state.set(id, 'done')
    return null
  }
  for (const node of flow.nodes) {
    if (!state.has(node.id)) {
      const found = visit(node.id)
      if (found) return found
    }
  }
  return null
}
