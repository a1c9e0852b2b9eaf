// The prompt library's state, shared by the library screen, the sidebar list
// and the property panel's "insert from library": one list, loaded once per
// API client, changed only through these actions.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { NewPrompt, PromptChanges, SavedPrompt } from '../../../src-main/contract/api'
import type { ApiClient } from '../api/client'
import { createPromptsApi, type PromptsApi } from '../api/prompts'
import { useApi } from '../shell/ApiContext'
import { errorMessage } from '../ui/format'

export type PromptsStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface PromptsState {
  prompts: SavedPrompt[]
  status: PromptsStatus
  /** The last failed request, in words; null when none. */
  error: string | null
  load(): Promise<void>
  /** Resolves with the new prompt's id, or null when saving failed (see `error`). */
  create(input: NewPrompt): Promise<string | null>
  update(id: string, changes: PromptChanges): Promise<boolean>
  remove(id: string): Promise<boolean>
  dismissError(): void
}

let api: PromptsApi | null = null
let connectedClient: ApiClient | null = null

const need = (): PromptsApi => {
  if (!api) throw new Error('the prompt library is not connected to the API yet')
  return api
}

/** Newest first: the prompt just saved is the one the user looks for. */
const newestFirst = (prompts: SavedPrompt[]): SavedPrompt[] => [...prompts].sort((a, b) => b.created_at.localeCompare(a.created_at))

export const promptsStore = create<PromptsState>()((set, get) => ({
  prompts: [],
  status: 'idle',
  error: null,

  async load() {
    set({ status: 'loading', error: null })
    try {
      set({ prompts: newestFirst(await need().list()), status: 'ready' })
    } catch (error) {
      set({ status: 'error', error: `Could not load the prompt library: ${errorMessage(error)}` })
    }
  },

  async create(input) {
    try {
      const id = await need().create(input)
      const saved = await need().get(id)
      set({ prompts: newestFirst([saved, ...get().prompts.filter((p) => p.id !== id)]), error: null })
      return id
    } catch (error) {
      set({ error: `Could not save the prompt "${input.title}": ${errorMessage(error)}` })
      return null
    }
  },

  async update(id, changes) {
    try {
      const saved = await need().update(id, changes)
      set({ prompts: get().prompts.map((p) => (p.id === id ? saved : p)), error: null })
      return true
    } catch (error) {
      set({ error: `Could not save the prompt: ${errorMessage(error)}` })
      return false
    }
  },

  async remove(id) {
    try {
      await need().remove(id)
      set({ prompts: get().prompts.filter((p) => p.id !== id), error: null })
      return true
    } catch (error) {
      set({ error: `Could not delete the prompt: ${errorMessage(error)}` })
      return false
    }
  },

  dismissError: () => set({ error: null }),
}))

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
