// Making nodes: from a palette kind, or as copies of a selection (pure).
import type { FlowEdge, FlowNode, NodeKind, Position } from '../../../src-main/contract/api'

/** A piece of a flow on the clipboard: some nodes and the edges between them. */
export interface Fragment {
  nodes: FlowNode[]
  edges: FlowEdge[]
}

export const newId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`

/** "RSS Feed", then "RSS Feed 2", "RSS Feed 3"… so every node can be told apart. */
export function uniqueLabel(base: string, nodes: readonly FlowNode[]): string {
  const taken = new Set(nodes.map((node) => node.label))
  if (!taken.has(base)) return base
  const stem = base.replace(/ \d+$/, '')
  for (let n = 2; ; n++) if (!taken.has(`${stem} ${n}`)) return `${stem} ${n}`
}

/** A node of `kind` at `position`; its config starts with the fields the user must fill. */
export function nodeFromKind(kind: NodeKind, position: Position, nodes: readonly FlowNode[]): FlowNode {
  const config: Record<string, unknown> = {}
  // An empty prompt shows up at once as the one thing left to fill in; tools are
  // used only after the user approves them in the app (the safest start to relax).
  if (kind.node_type === 'executor') Object.assign(config, { prompt: '', permission_mode: 'ask' })
  return { id: newId(kind.kind), node_type: kind.node_type, kind: kind.kind, label: uniqueLabel(kind.label, nodes), config, position }
}

/** The selected nodes and the edges running between them. */
export function copyFragment(nodes: readonly FlowNode[], edges: readonly FlowEdge[], ids: ReadonlySet<string>): Fragment {
  return {
    nodes: nodes.filter((node) => ids.has(node.id)).map((node) => structuredClone(node)),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map((edge) => ({ ...edge })),
  }
}

/** The fragment again with fresh ids, moved by `offset`, labels kept unique among `existing`. */
export function placeFragment(fragment: Fragment, existing: readonly FlowNode[], offset: Position): Fragment {
  const ids = new Map<string, string>()
  const placed: FlowNode[] = []
  for (const node of fragment.nodes) {
    const id = newId(node.kind)
    ids.set(node.id, id)
    placed.push({
      ...structuredClone(node),
      id,
      label: uniqueLabel(node.label, [...existing, ...placed]),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    })
  }
  const edges = fragment.edges.map((edge) => ({ id: newId('edge'), source: ids.get(edge.source)!, target: ids.get(edge.target)! }))
  return { nodes: placed, edges }
}

/** Checks clipboard text is a fragment before anything is pasted. */
export function parseFragment(text: string): Fragment | null {
  try {
    const value = JSON.parse(text) as unknown
    if (typeof value !== 'object' || value === null) return null
    const { shoggoth_fragment: marker, nodes, edges } = value as Record<string, unknown>
    if (marker !== 1 || !Array.isArray(nodes) || !Array.isArray(edges)) return null
    const nodeOk = (n: unknown) => typeof n === 'object' && n !== null && typeof (n as FlowNode).id === 'string' && typeof (n as FlowNode).node_type === 'string' && typeof (n as FlowNode).kind === 'string'
    const edgeOk = (e: unknown) => typeof e === 'object' && e !== null && typeof (e as FlowEdge).source === 'string' && typeof (e as FlowEdge).target === 'string'
    if (!nodes.every(nodeOk) || !edges.every(edgeOk)) return null
    return {
      nodes: (nodes as FlowNode[]).map((n) => ({ ...n, label: typeof n.label === 'string' ? n.label : n.kind, position: n.position ?? { x: 0, y: 0 }, config: n.config ?? {} })),
      edges: edges as FlowEdge[],
    }
  } catch {
    return null
  }
}

export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify({ shoggoth_fragment: 1, ...fragment })
}

const CARD = { width: 220, height: 76, gap: 24 }

/** The first place at or below `wanted` where a new card covers no other card (pure). */
export function freeSpot(nodes: readonly FlowNode[], wanted: Position): Position {
  const overlaps = (at: Position) =>
    nodes.some((node) => Math.abs(node.position.x - at.x) < CARD.width + CARD.gap / 2 && Math.abs(node.position.y - at.y) < CARD.height + CARD.gap / 2)
  let at = { ...wanted }
  for (let tries = 0; tries < 50 && overlaps(at); tries++) at = { x: at.x, y: at.y + CARD.height + CARD.gap }
  return at
}
