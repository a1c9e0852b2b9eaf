import { useFlows } from '../flows/FlowsProvider'
import { Banner } from './Banner'

/** The last failed action, until the user dismisses it or tries something else. */
export function ErrorBanner() {
  const error = useFlows((s) => s.error)
  const dismiss = useFlows((s) => s.dismissError)
  if (error === null) return null
  return <Banner kind="error" message={error} onDismiss={dismiss} testId="error-banner" />
}
