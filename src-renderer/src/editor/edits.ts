// Every change the editor can make to a flow, as pure functions of the document.
import type { Flow, FlowEdge, FlowNode, Position } from '../../../src-main/contract/api'
import { edgeRefusal } from './graph-rules'
import { newId, type Fragment } from './fragments'

/** The part of a flow the editor changes (and undo/redo restores). */
export interface FlowDoc {
  name: string
  description: string
  enabled: boolean
  nodes: FlowNode[]
  edges: FlowEdge[]
}

export const docOf = (flow: Flow): FlowDoc => ({ name: flow.name, description: flow.description, enabled: flow.enabled, nodes: flow.nodes, edges: flow.edges })

export function addFragment(doc: FlowDoc, fragment: Fragment): FlowDoc {
  return { ...doc, nodes: [...doc.nodes, ...fragment.nodes], edges: [...doc.edges, ...fragment.edges] }
}

/** Removes the nodes and every edge touching them, and the edges named. */
export function removeItems(doc: FlowDoc, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): FlowDoc {
  const nodes = doc.nodes.filter((node) => !nodeIds.has(node.id))
  const edges = doc.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target))
  // Removing what is already gone (the canvas reports a node's edges after the node) is no edit.
  if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc
  return { ...doc, nodes, edges }
}

/** Adds the edge, or says why it makes no sense. */
export function connect(doc: FlowDoc, source: string, target: string): { doc: FlowDoc; refusal: string | null } {
  const refusal = edgeRefusal(doc.nodes, doc.edges, source, target)
  if (refusal) return { doc, refusal }
  return { doc: { ...doc, edges: [...doc.edges, { id: newId('edge'), source, target }] }, refusal: null }
}

export function moveNodes(doc: FlowDoc, positions: ReadonlyMap<string, Position>): FlowDoc {
  if (positions.size === 0) return doc
  return { ...doc, nodes: doc.nodes.map((node) => (positions.has(node.id) ? { ...node, position: roundPosition(positions.get(node.id)!) } : node)) }
}

export function updateNode(doc: FlowDoc, id: string, patch: { label?: string; config?: Record<string, unknown> }): FlowDoc {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === id ? { ...node, ...patch } : node)) }
}


const roundPosition = ({ x, y }: Position): Position => ({ x: Math.round(x), y: Math.round(y) })
