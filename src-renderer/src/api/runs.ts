import type { FlowRun, RunListResponse, TriggerResponse } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** The run endpoints of one flow, as plain async functions. */
export interface RunsApi {
  /** Newest first, at most 100. */
  list(flowId: string): Promise<FlowRun[]>
  /** Starts a run; it goes on in the background and reports through the live stream. */
  trigger(flowId: string): Promise<void>
}

export function createRunsApi(client: ApiClient): RunsApi {
  const flowPath = (id: string): string => `/api/flows/${encodeURIComponent(id)}`

  return {
    async list(flowId) {
      const body = await client.request<RunListResponse>('GET', `${flowPath(flowId)}/runs`)
      return body.runs
    },
    async trigger(flowId) {
      await client.request<TriggerResponse>('POST', `${flowPath(flowId)}/trigger`)
    },
  }
}
