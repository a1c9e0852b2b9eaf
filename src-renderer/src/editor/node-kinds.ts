// The node-kind catalogue (GET /api/node-types): the palette and the property
// forms are built from it, so a failed fetch is reported and can be retried.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { NodeKind } from '../../../src-main/contract/api'
import { failedAction, type FailedAction } from '../ui/failed-action'

export interface NodeKindsState {
  /** Empty until the catalogue arrives. */
  kinds: NodeKind[]
  /** Whether the last fetch failed (stays after the banner is dismissed). */
  unavailable: boolean
  failed: FailedAction | null
  load(): Promise<void>
  dismissFailed(): void
}

export type NodeKindsStore = StoreApi<NodeKindsState>

export function createNodeKindsStore(fetchKinds: () => Promise<NodeKind[]>): NodeKindsStore {
  return createStore<NodeKindsState>()((set, get) => ({
    kinds: [],
    unavailable: false,
    failed: null,
    async load() {
      try {
        set({ kinds: await fetchKinds(), unavailable: false, failed: null })
      } catch (error) {
        set({ unavailable: true, failed: failedAction('load the node kinds', error, () => get().load()) })
      }
    },
    dismissFailed: () => set({ failed: null }),
  }))
}
