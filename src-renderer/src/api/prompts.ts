import type { CreatedResponse, DeletedResponse, NewPrompt, PromptChanges, PromptListResponse, SavedPrompt } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** The prompt library (contract §11). */
export interface PromptsApi {
  list(): Promise<SavedPrompt[]>
  get(id: string): Promise<SavedPrompt>
  create(input: NewPrompt): Promise<string>
  update(id: string, changes: PromptChanges): Promise<SavedPrompt>
  remove(id: string): Promise<void>
}

export function createPromptsApi(client: ApiClient): PromptsApi {
  const promptPath = (id: string): string => `/api/prompts/${encodeURIComponent(id)}`
  return {
    async list() {
      return (await client.request<PromptListResponse>('GET', '/api/prompts')).prompts
    },
    get: (id) => client.request<SavedPrompt>('GET', promptPath(id)),
    async create(input) {
      return (await client.request<CreatedResponse>('POST', '/api/prompts', input)).id
    },
    update: (id, changes) => client.request<SavedPrompt>('PUT', promptPath(id), changes),
    async remove(id) {
      await client.request<DeletedResponse>('DELETE', promptPath(id))
    },
  }
}
