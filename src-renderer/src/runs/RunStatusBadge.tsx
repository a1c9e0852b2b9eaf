import type { FlowRunStatus } from '../../../src-main/contract/api'
import { STATUS_LABELS } from './run-format'

export function RunStatusBadge({ status }: { status: FlowRunStatus }) {
  return (
    <span className={`badge run-badge run-badge--${status}`} data-testid="run-status">
      {STATUS_LABELS[status]}
    </span>
  )
}
