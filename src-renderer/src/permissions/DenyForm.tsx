import { useId, useState } from 'react'

interface DenyFormProps {
  disabled: boolean
  onDeny(message: string): void
  onCancel(): void
}

/** The deny step: an optional reason, which the model reads as the tool's result. */
export function DenyForm({ disabled, onDeny, onCancel }: DenyFormProps) {
  const [message, setMessage] = useState('')
  const id = useId()
  return (
    <form
      className="approval__deny"
      onSubmit={(event) => {
        event.preventDefault()
        onDeny(message.trim())
      }}
    >
      <label htmlFor={id} className="approval__deny-label">
        Message for Claude (optional)
      </label>
      <input
        id={id}
        className="approval__deny-input"
        value={message}
        autoFocus
        placeholder="e.g. Not in this folder, please"
        disabled={disabled}
        onChange={(event) => setMessage(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onCancel())}
        data-testid="approval-deny-message"
      />
      <div className="approval__buttons">
        <button type="submit" className="button button--small button--danger" disabled={disabled} data-testid="approval-deny-confirm">
          Deny
        </button>
        <button type="button" className="button button--small" disabled={disabled} onClick={onCancel}>
          Back
        </button>
      </div>
    </form>
  )
}
