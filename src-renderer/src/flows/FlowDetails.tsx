import type { FlowSummary } from '../../../src-main/contract/api'
import { formatTimestamp } from '../ui/format'
import { DeleteControl } from './DeleteControl'
import { EnabledToggle } from './EnabledToggle'
import { ExecutorSection } from '../chat/ExecutorSection'
import { FlowTitle } from './FlowTitle'
import { RunsSection } from '../runs/RunsSection'
import { ScheduleSection } from '../schedule/ScheduleSection'

export function FlowDetails({ flow }: { flow: FlowSummary }) {
  return (
    <article className="details" aria-label={flow.name} data-testid="flow-details">
      <header className="details__header">
        <FlowTitle flow={flow} />
        <div className="details__actions">
          <EnabledToggle flow={flow} />
          <DeleteControl flow={flow} />
        </div>
      </header>
      <p className={flow.description ? 'details__description' : 'details__description details__description--empty'}>
        {flow.description || 'No description.'}
      </p>
      <dl className="facts">
        <div className="facts__item">
          <dt>ID</dt>
          <dd>
            <code data-testid="flow-id">{flow.id}</code>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Nodes</dt>
          <dd data-testid="flow-node-count">{flow.node_count}</dd>
        </div>
        <div className="facts__item">
          <dt>Edges</dt>
          <dd data-testid="flow-edge-count">{flow.edge_count}</dd>
        </div>
        <div className="facts__item">
          <dt>Created</dt>
          <dd>
            <time dateTime={flow.created_at}>{formatTimestamp(flow.created_at)}</time>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Updated</dt>
          <dd>
            <time dateTime={flow.updated_at}>{formatTimestamp(flow.updated_at)}</time>
          </dd>
        </div>
      </dl>
      <ExecutorSection flowId={flow.id} />
      <RunsSection flowId={flow.id} />
      <ScheduleSection flow={flow} />
    </article>
  )
}
