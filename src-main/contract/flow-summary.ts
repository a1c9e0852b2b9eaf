// The list entry of a flow (§3.4). Pure and dependency-free, so the backend
// and the renderer compute it the same way.
import type { Flow, FlowSummary } from './api'

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
