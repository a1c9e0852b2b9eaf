import type { Flow } from '../../../src-main/contract/api'
import type { ApiClient } from '../api/client'
import type { FlowWriter } from './save-queue'

/** PUTs the editor's document, naming the version it was based on so a newer one is not overwritten. */
export function createFlowWriter(client: ApiClient): FlowWriter {
  return {
    put(flowId, doc, ifMatch, keepalive) {
      const headers: Record<string, string> = ifMatch ? { 'If-Match': ifMatch } : {}
      return client.request<Flow>('PUT', `/api/flows/${encodeURIComponent(flowId)}`, doc, { headers, keepalive })
    },
  }
}
