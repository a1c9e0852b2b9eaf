export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return (
    <span className={`badge ${enabled ? 'badge--on' : 'badge--off'}`} data-testid="enabled-badge">
      {enabled ? 'Enabled' : 'Disabled'}
    </span>
  )
}
