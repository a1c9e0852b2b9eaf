/** A dismissable message bar: red for a failure (an alert), neutral for a notice. */
export function Banner({ kind, message, onDismiss, testId }: { kind: 'error' | 'notice'; message: string; onDismiss: () => void; testId: string }) {
  return (
    <div className={`banner banner--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span>{message}</span>
      <button type="button" className="button button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
