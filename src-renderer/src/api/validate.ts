import type { FlowValidation } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** The runner's own checks, before a run (POST /api/flows/{id}/validate). */
export function validateFlow(client: ApiClient, flowId: string): Promise<FlowValidation> {
  return client.request<FlowValidation>('POST', `/api/flows/${encodeURIComponent(flowId)}/validate`)
}
