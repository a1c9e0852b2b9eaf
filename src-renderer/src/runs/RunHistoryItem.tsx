import { useId, useState } from 'react'
import type { FlowNode, FlowRun } from '../../../src-main/contract/api'
import { formatTimestamp } from '../ui/format'
import { formatDuration } from './run-format'
import { NodeRunList } from './NodeRunList'
import { RunStatusBadge } from './RunStatusBadge'

const TRIGGER_LABELS = { manual: 'by hand', cron: 'cron', webhook: 'webhook', 'github-pr': 'pull request' } as const

interface RunHistoryItemProps {
  run: FlowRun
  nodes: readonly FlowNode[] | undefined
}

/** One run: status, when, how long, why it failed; opens to its node runs. */
export function RunHistoryItem({ run, nodes }: RunHistoryItemProps) {
  const [open, setOpen] = useState(false)
  const detailsId = useId()
  const duration = formatDuration(run.started_at, run.finished_at)

  return (
    <li className={`run-item run-item--${run.status}`} data-testid="run-item" data-run-id={run.id} data-status={run.status}>
      <button
        type="button"
        className="run-item__summary"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="run-item__chevron" aria-hidden="true" />
        <RunStatusBadge status={run.status} />
        <time className="run-item__started" dateTime={run.started_at}>
          {formatTimestamp(run.started_at)}
        </time>
        <span className="run-item__duration" data-testid="run-duration">
          {duration ?? 'running…'}
        </span>
        <span className="run-item__trigger" data-testid="run-trigger">
          {TRIGGER_LABELS[run.trigger ?? 'manual']}
        </span>
        {run.cost_usd !== undefined && (
          <span className="run-item__cost" data-testid="run-cost">
            ${run.cost_usd.toFixed(4)}
          </span>
        )}
      </button>
      {run.error !== null && (
        <p className="run-item__error" data-testid="run-error">
          {run.error}
        </p>
      )}
      {open && (
        <div id={detailsId} className="run-item__details">
          <NodeRunList nodeRuns={run.node_runs} nodes={nodes} />
        </div>
      )}
    </li>
  )
}
