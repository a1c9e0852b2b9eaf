import type { FlowRun, RunListResponse, TriggerRequest, TriggerResponse } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** The run endpoints of one flow, as plain async functions. */
export interface RunsApi {
  /** Newest first, at most 100. */
  list(flowId: string): Promise<FlowRun[]>
  /**
   * Starts a run; it goes on in the background and reports through the live
   * stream. A 409 (a run of the flow is going) throws an ApiError whose body names it.
   */
  trigger(flowId: string, request?: TriggerRequest): Promise<void>
  /** Stops a running run; its executor is ended and nothing more is delivered. */
  cancel(flowId: string, runId: string): Promise<void>
}

export function createRunsApi(client: ApiClient): RunsApi {
  const flowPath = (id: string): string => `/api/flows/${encodeURIComponent(id)}`

  return {
    async list(flowId) {
      const body = await client.request<RunListResponse>('GET', `${flowPath(flowId)}/runs`)
      return body.runs
    },
    async trigger(flowId, request = {}) {
      await client.request<TriggerResponse>('POST', `${flowPath(flowId)}/trigger`, request)
    },
    async cancel(flowId, runId) {
      await client.request<unknown>('POST', `${flowPath(flowId)}/runs/${encodeURIComponent(runId)}/cancel`)
    },
  }
}
