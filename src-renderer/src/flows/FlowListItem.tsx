import type { FlowSummary } from '../../../src-main/contract/api'
import { countLabel, formatShortTimestamp, formatTimestamp } from '../ui/format'
import { EnabledBadge } from './EnabledBadge'

interface FlowListItemProps {
  flow: FlowSummary
  selected: boolean
  onSelect: (id: string) => void
}

export function FlowListItem({ flow, selected, onSelect }: FlowListItemProps) {
  return (
    <button
      type="button"
      className="flow-item"
      aria-current={selected ? 'true' : undefined}
      data-testid="flow-item"
      data-flow-id={flow.id}
      onClick={() => onSelect(flow.id)}
    >
      <span className="flow-item__top">
        <span className="flow-item__name" data-testid="flow-item-name">
          {flow.name}
        </span>
        <EnabledBadge enabled={flow.enabled} />
      </span>
      {flow.description !== '' && <span className="flow-item__description">{flow.description}</span>}
      <span className="flow-item__meta">
        <span>
          {countLabel(flow.node_count, 'node')} · {countLabel(flow.edge_count, 'edge')}
        </span>
        <span>
          updated{' '}
          <time dateTime={flow.updated_at} title={formatTimestamp(flow.updated_at)}>
            {formatShortTimestamp(flow.updated_at)}
          </time>
        </span>
      </span>
    </button>
  )
}
