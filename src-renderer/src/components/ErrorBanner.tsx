import { useFlows } from '../stores/FlowsProvider'

/** The last failed action, until the user dismisses it or tries something else. */
export function ErrorBanner() {
  const error = useFlows((s) => s.error)
  const dismiss = useFlows((s) => s.dismissError)
  if (error === null) return null

  return (
    <div className="banner banner--error" role="alert" data-testid="error-banner">
      <span>{error}</span>
      <button type="button" className="button button--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
