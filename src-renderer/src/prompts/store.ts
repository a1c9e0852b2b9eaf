// The prompt library's state, shared by the library screen, the sidebar list
// and the property panel's "insert from library": one list, loaded once per
// API client, changed only through these actions.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { NewPrompt, PromptChanges, SavedPrompt } from '../../../src-main/contract/api'
import type { ApiClient } from '../api/client'
import { createPromptsApi, type PromptsApi } from '../api/prompts'
import { useApi } from '../shell/ApiContext'
import { afterSuccess, failedAction, quoted, type FailedAction } from '../ui/failed-action'

export type PromptsStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface PromptsState {
  prompts: SavedPrompt[]
  status: PromptsStatus
  /** The last failed request, until dismissed or that request succeeds. */
  failed: FailedAction | null
  load(): Promise<void>
  /**
   * Resolves with the new prompt's id, or null when saving failed (see `failed`).
   * `onCreated` is called once it exists, also when a retry made it.
   */
  create(input: NewPrompt, onCreated?: (id: string) => void): Promise<string | null>
  update(id: string, changes: PromptChanges): Promise<boolean>
  remove(id: string): Promise<boolean>
  dismissFailed(): void
}

let api: PromptsApi | null = null
let connectedClient: ApiClient | null = null

const need = (): PromptsApi => {
  if (!api) throw new Error('the prompt library is not connected to the API yet')
  return api
}

/** Newest first: the prompt just saved is the one the user looks for. */
const newestFirst = (prompts: SavedPrompt[]): SavedPrompt[] => [...prompts].sort((a, b) => b.created_at.localeCompare(a.created_at))

const LOAD = 'load the prompt library'

export const promptsStore = create<PromptsState>()((set, get) => {
  const fail = <T,>(what: string, error: unknown, retry: () => Promise<unknown>, result: T): T => {
    set({ failed: failedAction(what, error, retry) })
    return result
  }
  const titleOf = (id: string): string => quoted(get().prompts.find((p) => p.id === id)?.title)

  return {
    prompts: [],
    status: 'idle',
    failed: null,

    async load() {
      set({ status: 'loading' })
      try {
        const prompts = newestFirst(await need().list())
        set((state) => ({ prompts, status: 'ready', failed: afterSuccess(state.failed, LOAD) }))
      } catch (error) {
        set({ status: 'error' })
        fail(LOAD, error, () => get().load(), undefined)
      }
    },

    async create(input, onCreated) {
      const what = `save the prompt ${quoted(input.title)}`
      try {
        const id = await need().create(input)
        const saved = await need().get(id)
        set((state) => ({ prompts: newestFirst([saved, ...state.prompts.filter((p) => p.id !== id)]), failed: afterSuccess(state.failed, what) }))
        onCreated?.(id)
        return id
      } catch (error) {
        return fail(what, error, () => get().create(input, onCreated), null)
      }
    },

    async update(id, changes) {
      const what = `save the prompt ${changes.title === undefined ? titleOf(id) : quoted(changes.title)}`
      try {
        const saved = await need().update(id, changes)
        set((state) => ({ prompts: state.prompts.map((p) => (p.id === id ? saved : p)), failed: afterSuccess(state.failed, what) }))
        return true
      } catch (error) {
        return fail(what, error, () => get().update(id, changes), false)
      }
    },

    async remove(id) {
      const what = `delete the prompt ${titleOf(id)}`
      try {
        await need().remove(id)
        set((state) => ({ prompts: state.prompts.filter((p) => p.id !== id), failed: afterSuccess(state.failed, what) }))
        return true
      } catch (error) {
        return fail(what, error, () => get().remove(id), false)
      }
    },

    dismissFailed: () => set({ failed: null }),
  }
})

/** Points the store at this client (a new token or port means a new client) and loads once. */
export function connectPrompts(client: ApiClient): void {
  if (client === connectedClient) return
  connectedClient = client
  api = createPromptsApi(client)
  void promptsStore.getState().load()
}

/**
 * The prompt library from any component under the ApiProvider: the whole state,
 * or one slice of it (a selector must return store values, not new arrays).
 */
export function usePrompts(): PromptsState
export function usePrompts<T>(selector: (state: PromptsState) => T): T
export function usePrompts<T>(selector?: (state: PromptsState) => T): T | PromptsState {
  const { client } = useApi()
  useEffect(() => connectPrompts(client), [client])
  return promptsStore((state: PromptsState) => (selector ? selector(state) : state))
}
