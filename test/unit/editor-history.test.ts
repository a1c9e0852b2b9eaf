// Undo/redo of every edit, typing coalesced into one step, and loads that leave nothing to undo.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Flow, FlowNode } from '../../src-main/contract/api'
import { createEditorStore, openInEditor } from '../../src-renderer/src/editor/store'

const exec: FlowNode = { id: 'x', node_type: 'executor', kind: 'claude-code', config: { prompt: '' }, position: { x: 0, y: 0 }, label: 'Claude' }
const sink: FlowNode = { id: 's', node_type: 'sink', kind: 'slack', config: {}, position: { x: 300, y: 0 }, label: 'Slack' }
const flow = (over: Partial<Flow> = {}): Flow => ({ id: 'f1', name: 'Flow', description: '', enabled: true, nodes: [exec, sink], edges: [], created_at: 't0', updated_at: 't1', ...over })

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('editor history', () => {
  it('undoes and redoes add, move, connect and delete in order', () => {
    const store = createEditorStore()
    openInEditor(store, flow())
    const { temporal } = store
    expect(temporal.getState().pastStates).toHaveLength(0)

    store.getState().add({ nodes: [{ ...exec, id: 'y', label: 'Claude 2' }], edges: [] })
    vi.advanceTimersByTime(1000)
    store.getState().move(new Map([['x', { x: 50, y: 60 }]]))
    vi.advanceTimersByTime(1000)
    expect(store.getState().connect('x', 's')).toBe(true)
    vi.advanceTimersByTime(1000)
    store.getState().remove(['y'])
    const final = store.getState().doc!

    temporal.getState().undo()
    expect(store.getState().doc!.nodes.map((n) => n.id)).toEqual(['x', 's', 'y'])
    temporal.getState().undo()
    expect(store.getState().doc!.edges).toHaveLength(0)
    temporal.getState().undo()
    expect(store.getState().doc!.nodes[0]!.position).toEqual({ x: 0, y: 0 })
    temporal.getState().undo()
    expect(store.getState().doc!.nodes.map((n) => n.id)).toEqual(['x', 's'])
    expect(temporal.getState().pastStates).toHaveLength(0)

    temporal.getState().redo(4)
    expect(store.getState().doc).toEqual(final)
  })

  it('typing in one field is one step; another field starts a new one', () => {
    const store = createEditorStore()
    openInEditor(store, flow())
    for (const prompt of ['S', 'Su', 'Sum', 'Summ']) {
      store.getState().updateNode('x', { config: { prompt } })
      vi.advanceTimersByTime(100)
    }
    store.getState().updateNode('x', { label: 'Writer' })
    expect(store.temporal.getState().pastStates).toHaveLength(2)
    store.temporal.getState().undo()
    expect(store.getState().doc!.nodes[0]).toMatchObject({ label: 'Claude', config: { prompt: 'Summ' } })
    store.temporal.getState().undo()
    expect(store.getState().doc!.nodes[0]!.config).toEqual({ prompt: '' })
  })

  it('a refused edge and a selection change are not edits', () => {
    const store = createEditorStore()
    openInEditor(store, flow())
    expect(store.getState().connect('s', 'x')).toBe(false)
    expect(store.getState().refusal).toMatch(/sink/)
    store.getState().select(['x'])
    expect(store.temporal.getState().pastStates).toHaveLength(0)
  })

  it('opening another flow leaves nothing to undo into', () => {
    const store = createEditorStore()
    openInEditor(store, flow())
    store.getState().rename('Renamed')
    openInEditor(store, flow({ id: 'f2', name: 'Other' }))
    expect(store.temporal.getState().pastStates).toHaveLength(0)
    expect(store.getState().doc!.name).toBe('Other')
  })
})
