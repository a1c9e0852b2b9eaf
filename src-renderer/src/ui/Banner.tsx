/** A message bar: red for a failure (an alert), neutral for a notice; a failure can offer a retry. */
export function Banner({ kind, message, onDismiss, onRetry, retrying = false, testId }: { kind: 'error' | 'notice'; message: string; onDismiss?: () => void; onRetry?: () => void; retrying?: boolean; testId: string }) {
  return (
    <div className={`banner banner--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="banner__message">{message}</span>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="button button--small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
