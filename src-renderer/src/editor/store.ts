// The open flow as the editor sees it: the document (with undo/redo through
// zundo), which server version it is based on, and the selection.
import { temporal } from 'zundo'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Flow, Position, ValidationProblem } from '../../../src-main/contract/api'
import type { FailedAction } from '../ui/failed-action'
import type { SaveStatus } from './save-queue'
import { addFragment, connect, docOf, moveNodes, removeItems, updateNode, type FlowDoc } from './edits'
import type { Fragment } from './fragments'

export interface EditorState {
  flowId: string | null
  doc: FlowDoc | null
  /** `updated_at` of the server version the document was last in step with. */
  baseUpdatedAt: string | null
  selectedNodes: string[]
  selectedEdges: string[]
  /** Why the last edge drawn was refused, until the next edit. */
  refusal: string | null
  save: SaveStatus
  /** The server's validation of the flow as last saved. */
  problems: ValidationProblem[]
  /** The last check could not be made, so `problems` may be out of date (until a check answers). */
  checkFailed: FailedAction | null
  /** Bumped when the whole flow should be brought into view (after an auto-layout). */
  fitRequests: number

  load(flow: Flow): void
  close(): void
  /** The server accepted a save of the document as it was (not necessarily as it is). */
  saved(updatedAt: string): void
  add(fragment: Fragment): void
  connect(source: string, target: string): boolean
  move(positions: ReadonlyMap<string, Position>): void
  updateNode(id: string, patch: { label?: string; config?: Record<string, unknown> }): void
  rename(name: string): void
  describe(description: string): void
  setEnabled(enabled: boolean): void
  remove(nodeIds: readonly string[], edgeIds?: readonly string[]): void
  /** Moves every node to the given positions as one step (an auto-layout), then fits the view. */
  layout(positions: ReadonlyMap<string, Position>): void
  select(nodes: string[], edges?: string[]): void
  dismissRefusal(): void
  setSave(status: SaveStatus): void
  setProblems(problems: ValidationProblem[]): void
  setCheckFailed(failed: FailedAction | null): void
}

export type EditorStore = StoreApi<EditorState> & { temporal: StoreApi<import('zundo').TemporalState<{ doc: FlowDoc | null }>> }

// Typing in one field becomes one undo step, not one per key.
const COALESCE_MS = 800
let coalesceKey: string | null = null
let lastCoalesced = { key: '', at: 0 }

export function createEditorStore(): EditorStore {
  return createStore<EditorState>()(
    temporal(
      (set, get) => {
        const edit = (change: (doc: FlowDoc) => FlowDoc, key: string | null = null) => {
          const { doc } = get()
          if (!doc) return
          const next = change(doc)
          if (next === doc) return
          coalesceKey = key
          set({ doc: next, refusal: null })
          coalesceKey = null
        }
        return {
          flowId: null,
          doc: null,
          baseUpdatedAt: null,
          selectedNodes: [],
          selectedEdges: [],
          refusal: null,
          save: { state: 'saved' },
          problems: [],
          checkFailed: null,
          fitRequests: 0,
          load: (flow) =>
            set((state) => ({
              flowId: flow.id,
              doc: docOf(flow),
              baseUpdatedAt: flow.updated_at,
              // Reloading the same flow (a conflict resolved) keeps what is still there selected.
              selectedNodes: state.flowId === flow.id ? state.selectedNodes.filter((id) => flow.nodes.some((node) => node.id === id)) : [],
              selectedEdges: [],
              refusal: null,
              problems: state.flowId === flow.id ? state.problems : [],
              checkFailed: state.flowId === flow.id ? state.checkFailed : null,
            })),
          close: () => set({ flowId: null, doc: null, baseUpdatedAt: null, selectedNodes: [], selectedEdges: [], refusal: null, problems: [], checkFailed: null }),
          saved: (updatedAt) => set({ baseUpdatedAt: updatedAt }),
          add: (fragment) => {
            edit((doc) => addFragment(doc, fragment))
            set({ selectedNodes: fragment.nodes.map((node) => node.id), selectedEdges: [] })
          },
          connect: (source, target) => {
            const doc = get().doc
            if (!doc) return false
            const result = connect(doc, source, target)
            if (result.refusal) {
              set({ refusal: result.refusal })
              return false
            }
            edit(() => result.doc)
            return true
          },
          move: (positions) => edit((doc) => moveNodes(doc, positions)),
          updateNode: (id, patch) => edit((doc) => updateNode(doc, id, patch), `node:${id}:${Object.keys(patch).join(',')}`),
          rename: (name) => edit((doc) => ({ ...doc, name }), 'name'),
          describe: (description) => edit((doc) => ({ ...doc, description }), 'description'),
          setEnabled: (enabled) => edit((doc) => ({ ...doc, enabled })),
          remove: (nodeIds, edgeIds = []) => {
            edit((doc) => removeItems(doc, new Set(nodeIds), new Set(edgeIds)))
            set((state) => ({ selectedNodes: state.selectedNodes.filter((id) => !nodeIds.includes(id)), selectedEdges: state.selectedEdges.filter((id) => !edgeIds.includes(id)) }))
          },
          layout: (positions) => {
            edit((doc) => moveNodes(doc, positions))
            set((state) => ({ fitRequests: state.fitRequests + 1 }))
          },
          select: (nodes, edges = []) => set({ selectedNodes: nodes, selectedEdges: edges }),
          dismissRefusal: () => set({ refusal: null }),
          setSave: (save) => set({ save }),
          setProblems: (problems) => set({ problems, checkFailed: null }),
          setCheckFailed: (checkFailed) => set({ checkFailed }),
        }
      },
      {
        partialize: (state) => ({ doc: state.doc }),
        equality: (past, current) => past.doc === current.doc,
        limit: 200,
        handleSet: (handleSet) => (pastState, replace, currentState, deltaState) => {
          const now = Date.now()
          const key = coalesceKey
          const joins = key !== null && key === lastCoalesced.key && now - lastCoalesced.at < COALESCE_MS
          lastCoalesced = { key: key ?? '', at: now }
          if (joins) return
          ;(handleSet as (...args: unknown[]) => void)(pastState, replace, currentState, deltaState)
        },
      },
    ),
  ) as EditorStore
}

/** Loads a flow as a fresh document: nothing to undo into another version. */
export function openInEditor(store: EditorStore, flow: Flow): void {
  store.temporal.getState().pause()
  store.getState().load(flow)
  store.temporal.getState().resume()
  store.temporal.getState().clear()
}
