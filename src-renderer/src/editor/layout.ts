// Auto-layout left to right with dagre (pure: positions in, positions out).
import dagre from '@dagrejs/dagre'
import type { FlowEdge, FlowNode, Position } from '../../../src-main/contract/api'

export const NODE_WIDTH = 220
export const NODE_HEIGHT = 76

/** New top-left positions for every node, laid out in ranks from left to right. */
export function layoutLeftToRight(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Map<string, Position> {
  const graph = new dagre.graphlib.Graph()
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target)
  dagre.layout(graph)
  const positions = new Map<string, Position>()
  for (const node of nodes) {
    const placed = graph.node(node.id)
    // dagre gives centres; the canvas wants top-left corners.
    positions.set(node.id, { x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) })
  }
  return positions
}
