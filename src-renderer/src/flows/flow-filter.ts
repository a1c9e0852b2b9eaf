import type { FlowSummary } from '../../../src-main/contract/api'
import type { FlowFilter } from '../shell/store'

/** Flows whose name or description holds every word of the query, limited by enabled state (pure). */
export function filterFlows(flows: readonly FlowSummary[], query: string, filter: FlowFilter): FlowSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return flows.filter((flow) => {
    if (filter === 'enabled' && !flow.enabled) return false
    if (filter === 'disabled' && flow.enabled) return false
    const text = `${flow.name} ${flow.description}`.toLowerCase()
    return words.every((word) => text.includes(word))
  })
}
