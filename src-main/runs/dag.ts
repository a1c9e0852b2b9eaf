// How a flow's nodes run (pure). Two shapes:
// - pipeline: at most one executor, and either no edge between working nodes
//   or every one of them wired to that executor (the usual drawing) — the
//   contract's fixed order (§9.1): sources → filters → executor → sinks;
// - graph: the edges decide. A node starts when every working node feeding it
//   is done, so independent branches run side by side. Edges to missing nodes
//   and cycles are refused before anything runs.
import type { Flow, FlowNode } from '../contract/api'

export class PlanError extends Error {}

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

const working = (node: FlowNode) => node.node_type !== 'trigger'

export function planFlow(flow: Flow): Plan {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]))
  for (const edge of flow.edges) {
    for (const end of [edge.source, edge.target]) {
      if (!byId.has(end)) throw new PlanError(`edge ${edge.id} connects a node that does not exist: ${end}`)
    }
  }
  const cycle = findCycle(flow)
  if (cycle) throw new PlanError(`the flow's edges form a cycle: ${cycle.map((id) => byId.get(id)!.label || id).join(' → ')}`)

  const innerEdges = flow.edges.filter((edge) => working(byId.get(edge.source)!) && working(byId.get(edge.target)!))
  const executors = flow.nodes.filter((node) => node.node_type === 'executor')
  if (executors.length <= 1 && (innerEdges.length === 0 || wiredToExecutor(flow, innerEdges, executors[0]))) return { shape: 'pipeline' }

  const nodes = flow.nodes.filter(working)
  const inputs = new Map<string, FlowNode[]>(nodes.map((node) => [node.id, []]))
  for (const edge of innerEdges) {
    const feeding = inputs.get(edge.target)!
    const source = byId.get(edge.source)!
    if (!feeding.includes(source)) feeding.push(source)
  }
  return { shape: 'graph', nodes, inputs }
}

/**
 * True when every source and filter leads to the executor and every sink is fed
 * by it — the usual drawing, which the contract's fixed order runs the same way.
 */
function wiredToExecutor(flow: Flow, edges: Flow['edges'], executor: FlowNode | undefined): boolean {
  if (!executor) return false
  const reach = (from: string, forward: boolean): Set<string> => {
    const found = new Set<string>()
    const walk = (id: string) => {
      for (const edge of edges) {
        const [here, there] = forward ? [edge.source, edge.target] : [edge.target, edge.source]
        if (here === id && !found.has(there)) {
          found.add(there)
          walk(there)
        }
      }
    }
    walk(from)
    return found
  }
  const upstream = reach(executor.id, false)
  const downstream = reach(executor.id, true)
  return flow.nodes.every((node) => {
    if (node.node_type === 'source' || node.node_type === 'filter') return upstream.has(node.id)
    if (node.node_type === 'sink') return downstream.has(node.id)
    return true
  })
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
