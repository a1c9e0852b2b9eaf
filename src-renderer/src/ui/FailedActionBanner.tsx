import { useState } from 'react'
import { Banner } from './Banner'
import { failureMessage, type FailedAction } from './failed-action'

/** A failed request: what could not be done and why, with Retry (one at a time) and Dismiss. */
export function FailedActionBanner({ failed, onDismiss, testId }: { failed: FailedAction | null; onDismiss?: () => void; testId: string }) {
  const [retrying, setRetrying] = useState(false)
  if (failed === null) return null
  const retry = async (): Promise<void> => {
    // Disabled while in flight: a second click must not make the request twice.
    setRetrying(true)
    try {
      await failed.retry()
    } finally {
      setRetrying(false)
    }
  }
  return <Banner kind="error" message={failureMessage(failed)} onRetry={() => void retry()} retrying={retrying} onDismiss={onDismiss} testId={testId} />
}
