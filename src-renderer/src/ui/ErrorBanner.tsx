import { useFlows } from '../flows/FlowsProvider'
import { FailedActionBanner } from './FailedActionBanner'

/** The flows' last failed request (list, create, delete, a flow's nodes), with Retry and Dismiss. */
export function ErrorBanner() {
  const failed = useFlows((s) => s.failed)
  const dismiss = useFlows((s) => s.dismissFailed)
  return <FailedActionBanner failed={failed} onDismiss={dismiss} testId="error-banner" />
}
