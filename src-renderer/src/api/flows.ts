import type {
  CreatedResponse,
  DeletedResponse,
  Flow,
  FlowChanges,
  FlowListResponse,
  FlowSummary,
  NewFlow,
} from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** The flow endpoints, as plain async functions the store can call (or a test can fake). */
export interface FlowsApi {
  list(): Promise<FlowSummary[]>
  get(id: string): Promise<Flow>
  create(input: NewFlow): Promise<string>
  update(id: string, changes: FlowChanges): Promise<Flow>
  remove(id: string): Promise<void>
}

export function createFlowsApi(client: ApiClient): FlowsApi {
  const flowPath = (id: string): string => `/api/flows/${encodeURIComponent(id)}`

  return {
    async list() {
      const body = await client.request<FlowListResponse>('GET', '/api/flows')
      return body.flows
    },
    get(id) {
      return client.request<Flow>('GET', flowPath(id))
    },
    async create(input) {
      const body = await client.request<CreatedResponse>('POST', '/api/flows', input)
      return body.id
    },
    update(id, changes) {
      return client.request<Flow>('PUT', flowPath(id), changes)
    },
    async remove(id) {
      await client.request<DeletedResponse>('DELETE', flowPath(id))
    },
  }
}
