// Editor actions shared by the toolbar, keyboard shortcuts and the command palette.
import { readClipboard, copyToClipboard } from './clipboard'
import { copyFragment, freeSpot, nodeFromKind, placeFragment } from './fragments'
import type { EditorStore } from './store'
import type { NodeKind, Position } from '../../../src-main/contract/api'

const PASTE_OFFSET = { x: 40, y: 40 }

export function createEditorCommands(store: EditorStore) {
  const state = () => store.getState()
  const selection = () => new Set(state().selectedNodes)
  return {
    undo: () => store.temporal.getState().undo(),
    redo: () => store.temporal.getState().redo(),
    canUndo: () => store.temporal.getState().pastStates.length > 0,
    canRedo: () => store.temporal.getState().futureStates.length > 0,
    deleteSelection: () => state().remove(state().selectedNodes, state().selectedEdges),
    copy: (): boolean => {
      const doc = state().doc
      if (!doc || state().selectedNodes.length === 0) return false
      copyToClipboard(copyFragment(doc.nodes, doc.edges, selection()))
      return true
    },
    cut: (): boolean => {
      const doc = state().doc
      if (!doc || state().selectedNodes.length === 0) return false
      copyToClipboard(copyFragment(doc.nodes, doc.edges, selection()))
      state().remove(state().selectedNodes)
      return true
    },
    paste: (): boolean => {
      const doc = state().doc
      const fragment = readClipboard()
      if (!doc || !fragment || fragment.nodes.length === 0) return false
      state().add(placeFragment(fragment, doc.nodes, PASTE_OFFSET))
      return true
    },
    duplicate: (): boolean => {
      const doc = state().doc
      if (!doc || state().selectedNodes.length === 0) return false
      state().add(placeFragment(copyFragment(doc.nodes, doc.edges, selection()), doc.nodes, PASTE_OFFSET))
      return true
    },
    selectAll: () => {
      const doc = state().doc
      if (doc) state().select(doc.nodes.map((node) => node.id), doc.edges.map((edge) => edge.id))
    },
    addNode: (kind: NodeKind, position: Position) => {
      const doc = state().doc
      if (doc) state().add({ nodes: [nodeFromKind(kind, freeSpot(doc.nodes, position), doc.nodes)], edges: [] })
    },
    layout: async () => {
      // dagre loads on first use: most sessions never auto-layout.
      const { layoutLeftToRight } = await import('./layout')
      const doc = state().doc
      if (doc) state().layout(layoutLeftToRight(doc.nodes, doc.edges))
    },
  }
}

export type EditorCommands = ReturnType<typeof createEditorCommands>
