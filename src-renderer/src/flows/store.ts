import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Flow, FlowNode, FlowSummary, NewFlow } from '../../../src-main/contract/api'
import type { FlowsApi } from '../api/flows'
import { afterSuccess, failedAction, quoted, type FailedAction } from '../ui/failed-action'
import { summarize } from '../../../src-main/contract/flow-summary'

export interface FlowsState {
  /** In the server's order: oldest first. */
  flows: FlowSummary[]
  /** A list request is in flight. */
  loading: boolean
  /** The list has arrived at least once (tells "empty" apart from "not yet known"). */
  loaded: boolean
  /** The last failed request, until dismissed or the next request succeeds. */
  failed: FailedAction | null
  selectedId: string | null
  /** Each flow's nodes, by flow id, once fetched (the list only carries counts). */
  nodes: Record<string, FlowNode[]>

  load(): Promise<void>
  /** Fetches one flow in full, for its nodes. */
  loadNodes(id: string): Promise<void>
  /**
   * Each mutation resolves to whether it succeeded; failures land in `failed`.
   * Changes to an open flow are the editor's (its save queue is the one writer).
   */
  create(input: NewFlow): Promise<boolean>
  remove(id: string): Promise<boolean>
  select(id: string | null): void
  dismissFailed(): void
  /** A flow saved elsewhere (the editor): refresh its list entry. */
  replace(flow: Flow): void
}

export type FlowsStore = StoreApi<FlowsState>

const LOAD_LIST = 'load the flow list'

// A factory rather than a module singleton: the API needs the resolved
// connection, and tests can hand in a fake FlowsApi.
export function createFlowsStore(api: FlowsApi): FlowsStore {
  return createStore<FlowsState>()((set, get) => {
    const fail = (what: string, error: unknown, retry: () => Promise<unknown>): false => {
      set({ failed: failedAction(what, error, retry) })
      return false
    }
    const succeeded = (what: string): void => set((state) => ({ failed: afterSuccess(state.failed, what) }))
    const nameOf = (id: string): string => quoted(get().flows.find((flow) => flow.id === id)?.name)

    // A whole flow (GET or PUT reply) refreshes both its list entry and its nodes.
    const keep = (flow: Flow): void => {
      const summary = summarize(flow)
      set((state) => ({
        flows: state.flows.map((f) => (f.id === flow.id ? summary : f)),
        nodes: { ...state.nodes, [flow.id]: flow.nodes },
      }))
    }

    return {
      flows: [],
      loading: false,
      loaded: false,
      failed: null,
      selectedId: null,
      nodes: {},

      async load() {
        set({ loading: true })
        try {
          const flows = await api.list()
          set((state) => ({
            flows,
            loading: false,
            loaded: true,
            failed: afterSuccess(state.failed, LOAD_LIST),
            selectedId: keepSelection(state.selectedId ?? lastOpenFlow(), flows),
          }))
        } catch (error) {
          set({ loading: false })
          fail(LOAD_LIST, error, () => get().load())
        }
      },

      async create(input) {
        const what = `create flow ${quoted(input.name)}`
        let id: string
        try {
          id = await api.create(input)
        } catch (error) {
          return fail(what, error, () => get().create(input))
        }
        succeeded(what)
        // Select first so the refreshed list keeps the new flow in view. A failed
        // refresh is reported on its own: retrying it must not create the flow again.
        get().select(id)
        await get().load()
        return true
      },

      async loadNodes(id) {
        const what = `load the nodes of flow ${nameOf(id)}`
        try {
          keep(await api.get(id))
          succeeded(what)
        } catch (error) {
          fail(what, error, () => get().loadNodes(id))
        }
      },

      async remove(id) {
        const what = `delete flow ${nameOf(id)}`
        try {
          await api.remove(id)
          set((state) => ({
            flows: state.flows.filter((f) => f.id !== id),
            selectedId: state.selectedId === id ? null : state.selectedId,
            failed: afterSuccess(state.failed, what),
          }))
          return true
        } catch (error) {
          return fail(what, error, () => get().remove(id))
        }
      },

      select: (id) => {
        rememberOpenFlow(id)
        set({ selectedId: id })
      },
      dismissFailed: () => set({ failed: null }),
      replace: keep,
    }
  })
}

/** Keep the current selection if it still exists, otherwise show the first flow. */
function keepSelection(current: string | null, flows: FlowSummary[]): string | null {
  if (current !== null && flows.some((f) => f.id === current)) return current
  return flows[0]?.id ?? null
}

// The flow open when the window last closed is opened again.
const LAST_OPEN_KEY = 'shoggoth.lastOpenFlow'

function lastOpenFlow(): string | null {
  try {
    return localStorage.getItem(LAST_OPEN_KEY)
  } catch {
    return null
  }
}

function rememberOpenFlow(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(LAST_OPEN_KEY)
    else localStorage.setItem(LAST_OPEN_KEY, id)
  } catch {
    // Without storage the first flow opens next time; nothing is lost.
  }
}
