import type { NodeKind, NodeTypesResponse } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** The catalogue of node kinds with their config schemas (contract §8.2). */
export async function fetchNodeKinds(client: ApiClient): Promise<NodeKind[]> {
  return (await client.request<NodeTypesResponse>('GET', '/api/node-types')).node_types
}
