// The editor's pure rules: which edges may be drawn, edits, copies, layout.
import { describe, expect, it } from 'vitest'
import type { FlowNode, NodeKind } from '../../src-main/contract/api'
import { addFragment, connect, moveNodes, removeItems, updateNode, type FlowDoc } from '../../src-renderer/src/editor/edits'
import { copyFragment, freeSpot, nodeFromKind, parseFragment, placeFragment, serializeFragment, uniqueLabel } from '../../src-renderer/src/editor/fragments'
import { edgeRefusal, reaches } from '../../src-renderer/src/editor/graph-rules'
import { layoutLeftToRight } from '../../src-renderer/src/editor/layout'

const node = (id: string, node_type: FlowNode['node_type'], kind = 'x'): FlowNode => ({ id, node_type, kind, config: {}, position: { x: 0, y: 0 }, label: id })
const digest: FlowDoc = {
  name: 'Digest',
  description: '',
  enabled: true,
  nodes: [node('cron', 'trigger', 'cron'), node('rss', 'source', 'rss'), node('kw', 'filter', 'keyword'), node('claude', 'executor', 'claude-code'), node('slack', 'sink', 'slack')],
  edges: [
    { id: 'e1', source: 'cron', target: 'rss' },
    { id: 'e2', source: 'rss', target: 'kw' },
    { id: 'e3', source: 'kw', target: 'claude' },
  ],
}

describe('edges as they are drawn', () => {
  it('accepts the usual chain', () => {
    expect(edgeRefusal(digest.nodes, digest.edges, 'claude', 'slack')).toBeNull()
    expect(edgeRefusal(digest.nodes, digest.edges, 'cron', 'claude')).toBeNull()
  })

  it('refuses an edge into a trigger, out of a sink, to itself, twice, or across kinds that make no sense', () => {
    expect(edgeRefusal(digest.nodes, digest.edges, 'rss', 'cron')).toMatch(/into a trigger/)
    expect(edgeRefusal(digest.nodes, [...digest.edges, { id: 'e4', source: 'claude', target: 'slack' }], 'slack', 'claude')).toMatch(/sink is the end/)
    expect(edgeRefusal(digest.nodes, digest.edges, 'rss', 'rss')).toMatch(/itself/)
    expect(edgeRefusal(digest.nodes, digest.edges, 'rss', 'kw')).toMatch(/already connected/)
    expect(edgeRefusal(digest.nodes, digest.edges, 'rss', 'slack')).toMatch(/source cannot feed a sink/)
    expect(edgeRefusal(digest.nodes, digest.edges, 'cron', 'kw')).toMatch(/trigger cannot feed a filter/)
  })

  it('refuses a cycle, naming it', () => {
    const nodes = [node('a', 'executor'), node('b', 'executor'), node('c', 'executor')]
    const edges = [
      { id: '1', source: 'a', target: 'b' },
      { id: '2', source: 'b', target: 'c' },
    ]
    expect(reaches(edges, 'a', 'c')).toBe(true)
    expect(edgeRefusal(nodes, edges, 'c', 'a')).toMatch(/loop/)
  })
})

describe('edits', () => {
  it('connect adds an edge or leaves the document as it was, with the reason', () => {
    const added = connect(digest, 'claude', 'slack')
    expect(added.refusal).toBeNull()
    expect(added.doc.edges).toHaveLength(4)
    const refused = connect(digest, 'slack', 'cron')
    expect(refused.doc).toBe(digest)
    expect(refused.refusal).not.toBeNull()
  })

  it('removing a node removes its edges; removing nothing changes nothing', () => {
    const removed = removeItems(digest, new Set(['kw']))
    expect(removed.nodes.map((n) => n.id)).not.toContain('kw')
    expect(removed.edges.map((e) => e.id)).toEqual(['e1'])
    expect(removeItems(digest, new Set())).toBe(digest)
    // The canvas reports a deleted node's edges separately; that second removal changes nothing.
    expect(removeItems(removed, new Set(), new Set(['e2', 'e3']))).toBe(removed)
    expect(removeItems(digest, new Set(), new Set(['e2'])).edges.map((e) => e.id)).toEqual(['e1', 'e3'])
  })

  it('moves round to whole pixels and updates keep other nodes as they were', () => {
    const moved = moveNodes(digest, new Map([['rss', { x: 10.4, y: 20.6 }]]))
    expect(moved.nodes[1]!.position).toEqual({ x: 10, y: 21 })
    expect(moved.nodes[0]).toBe(digest.nodes[0])
    const updated = updateNode(digest, 'claude', { config: { prompt: 'Hi' }, label: 'Writer' })
    expect(updated.nodes[3]).toMatchObject({ label: 'Writer', config: { prompt: 'Hi' } })
  })

  it('auto-layout puts each step of the chain to the right of the one before', () => {
    const laid = moveNodes(digest, layoutLeftToRight(digest.nodes, digest.edges))
    const x = (id: string) => laid.nodes.find((n) => n.id === id)!.position.x
    expect(x('cron')).toBeLessThan(x('rss'))
    expect(x('rss')).toBeLessThan(x('kw'))
    expect(x('kw')).toBeLessThan(x('claude'))
  })
})

describe('fragments', () => {
  const kind: NodeKind = { kind: 'rss', node_type: 'source', label: 'RSS Feed', config_schema: {} }

  it('new nodes get fresh ids and labels no other node has', () => {
    const first = nodeFromKind(kind, { x: 1, y: 2 }, [])
    const second = nodeFromKind(kind, { x: 1, y: 2 }, [first])
    expect(first.id).not.toBe(second.id)
    expect([first.label, second.label]).toEqual(['RSS Feed', 'RSS Feed 2'])
    expect(uniqueLabel('RSS Feed 2', [first, second])).toBe('RSS Feed 3')
    expect(nodeFromKind({ ...kind, kind: 'claude-code', node_type: 'executor' }, { x: 0, y: 0 }, []).config).toEqual({ prompt: '', permission_mode: 'ask' })
  })

  it('a copy keeps only the edges inside the selection, and pastes with new ids, offset and unique labels', () => {
    const fragment = copyFragment(digest.nodes, digest.edges, new Set(['rss', 'kw']))
    expect(fragment.nodes.map((n) => n.id)).toEqual(['rss', 'kw'])
    expect(fragment.edges.map((e) => e.id)).toEqual(['e2'])
    const placed = placeFragment(fragment, digest.nodes, { x: 40, y: 40 })
    expect(placed.nodes.map((n) => n.label)).toEqual(['rss 2', 'kw 2'])
    expect(placed.nodes.every((n) => !digest.nodes.some((d) => d.id === n.id))).toBe(true)
    expect(placed.edges[0]).toMatchObject({ source: placed.nodes[0]!.id, target: placed.nodes[1]!.id })
    expect(placed.nodes[0]!.position).toEqual({ x: 40, y: 40 })
    expect(addFragment(digest, placed).nodes).toHaveLength(7)
  })

  it('a new card goes below the ones already where it was wanted', () => {
    const taken = [node('a', 'source'), { ...node('b', 'source'), position: { x: 0, y: 100 } }]
    expect(freeSpot(taken, { x: 10, y: 10 })).toEqual({ x: 10, y: 210 })
    expect(freeSpot(taken, { x: 600, y: 0 })).toEqual({ x: 600, y: 0 })
  })

  it('clipboard text round-trips and anything else is refused', () => {
    const fragment = copyFragment(digest.nodes, digest.edges, new Set(['claude']))
    expect(parseFragment(serializeFragment(fragment))).toEqual(fragment)
    expect(parseFragment('hello')).toBeNull()
    expect(parseFragment(JSON.stringify({ nodes: [], edges: [] }))).toBeNull()
    expect(parseFragment(JSON.stringify({ shoggoth_fragment: 1, nodes: [{ id: 1 }], edges: [] }))).toBeNull()
  })
})
