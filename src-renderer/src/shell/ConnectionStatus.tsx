import type { HealthStatus } from './useHealth'

const LABELS: Record<HealthStatus, string> = {
  checking: 'Connecting…',
  online: 'API connected',
  offline: 'API unreachable',
}

export function ConnectionStatus({ status }: { status: HealthStatus }) {
  return (
    // role=status: screen readers hear the change without losing their place.
    <span className={`health health--${status}`} role="status" data-testid="api-status">
      <span className="health__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  )
}
