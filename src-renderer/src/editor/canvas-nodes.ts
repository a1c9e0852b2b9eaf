// Flow nodes as React Flow nodes: merged into React Flow's own state (which
// keeps sizes, selection and in-progress drags) rather than replacing it.
import type { Edge, Node } from '@xyflow/react'
import type { FlowEdge, FlowNode } from '../../../src-main/contract/api'
import type { NodeRunState } from '../runs/node-states'

export interface CanvasNodeData extends Record<string, unknown> {
  node: FlowNode
  summary: string
  problems: string[]
  runState: NodeRunState | undefined
  /** How long the node took in the latest run, once finished. */
  runDuration: string | null
  lastOutput: string | null
}

export type CanvasNode = Node<CanvasNodeData>

export interface Decorations {
  summary(node: FlowNode): string
  problems(node: FlowNode): string[]
  runState(node: FlowNode): NodeRunState | undefined
  runDuration(node: FlowNode): string | null
  lastOutput(node: FlowNode): string | null
}

export function mergeNodes(previous: readonly CanvasNode[], nodes: readonly FlowNode[], selected: ReadonlySet<string>, look: Decorations): CanvasNode[] {
  const before = new Map(previous.map((node) => [node.id, node]))
  return nodes.map((node) => {
    const old = before.get(node.id)
    const data: CanvasNodeData = { node, summary: look.summary(node), problems: look.problems(node), runState: look.runState(node), runDuration: look.runDuration(node), lastOutput: look.lastOutput(node) }
    const same = old && old.data.node === node && sameData(old.data, data) && old.selected === selected.has(node.id)
    if (same) return old
    return {
      ...old,
      id: node.id,
      type: node.node_type,
      // A node being dragged keeps the position under the pointer.
      position: old?.dragging ? old.position : node.position,
      data,
      selected: selected.has(node.id),
    }
  })
}

function sameData(a: CanvasNodeData, b: CanvasNodeData): boolean {
  return a.summary === b.summary && a.runState === b.runState && a.runDuration === b.runDuration && a.lastOutput === b.lastOutput && a.problems.join('\n') === b.problems.join('\n')
}

export function toCanvasEdges(edges: readonly FlowEdge[], selected: ReadonlySet<string>, running: ReadonlySet<string>): Edge[] {
  return edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, selected: selected.has(edge.id), animated: running.has(edge.source) }))
}
