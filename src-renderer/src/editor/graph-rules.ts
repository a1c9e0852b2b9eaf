// Which edges make sense, decided as the user draws (pure). Items flow from
// triggers through sources and filters into executors; executors hand text on
// to other executors and to sinks.
import type { FlowEdge, FlowNode, NodeType } from '../../../src-main/contract/api'

const ALLOWED: Record<NodeType, readonly NodeType[]> = {
  trigger: ['source', 'executor'],
  source: ['filter', 'executor'],
  filter: ['filter', 'executor'],
  executor: ['executor', 'sink'],
  sink: [],
}

const NAMES: Record<NodeType, string> = {
  trigger: 'a trigger',
  source: 'a source',
  filter: 'a filter',
  executor: 'an executor',
  sink: 'a sink',
}

/** Why an edge from `sourceId` to `targetId` is refused, or null when it may be drawn. */
export function edgeRefusal(nodes: readonly FlowNode[], edges: readonly FlowEdge[], sourceId: string, targetId: string): string | null {
  const source = nodes.find((node) => node.id === sourceId)
  const target = nodes.find((node) => node.id === targetId)
  if (!source || !target) return 'Both ends must be nodes of this flow.'
  if (source.id === target.id) return 'A node cannot feed itself.'
  if (target.node_type === 'trigger') return 'Nothing can lead into a trigger: it starts the flow.'
  if (source.node_type === 'sink') return 'A sink is the end of the flow: nothing comes out of it.'
  if (!ALLOWED[source.node_type].includes(target.node_type)) {
    return `${capitalise(NAMES[source.node_type])} cannot feed ${NAMES[target.node_type]}: it can feed ${ALLOWED[source.node_type].map((t) => NAMES[t]).join(' or ')}.`
  }
  if (edges.some((edge) => edge.source === sourceId && edge.target === targetId)) return 'These nodes are already connected.'
  if (reaches(edges, targetId, sourceId)) return 'This edge would close a loop: flows run one way.'
  return null
}

/** True when a path of edges leads from `from` to `to`. */
export function reaches(edges: readonly FlowEdge[], from: string, to: string): boolean {
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (id === to) return true
    if (seen.has(id)) continue
    seen.add(id)
    for (const edge of edges) if (edge.source === id) stack.push(edge.target)
  }
  return false
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
