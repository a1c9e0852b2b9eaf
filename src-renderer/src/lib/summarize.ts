import type { Flow, FlowSummary } from '../../../src-main/contract/api'

/** The list entry for a full flow, so a PUT reply can update the list without a refetch. */
export function summarize(flow: Flow): FlowSummary {
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    enabled: flow.enabled,
    node_count: flow.nodes.length,
    edge_count: flow.edges.length,
    created_at: flow.created_at,
    updated_at: flow.updated_at,
  }
}
