import { useEffect, useRef, useState } from 'react'

interface ConfirmDeleteProps {
  /** The button's text, e.g. "Delete" or "Delete session". */
  label: string
  /** The question shown while confirming, e.g. "Delete this flow?". */
  question: string
  /** Accessible name of the confirm group. */
  groupLabel: string
  small?: boolean
  disabled?: boolean
  title?: string | undefined
  /** Resolves true once deleted (this control may then unmount); false offers the choice again. */
  onConfirm: () => Promise<boolean>
}

/** Delete with an inline "are you sure" step (no window.confirm: it blocks and is hard to test). */
export function ConfirmDelete({ label, question, groupLabel, small = false, disabled = false, title, onConfirm }: ConfirmDeleteProps) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  // Cancelling unmounts the focused button; hand focus back to Delete rather than the page.
  const deleteButton = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  const size = small ? ' button--small' : ''

  useEffect(() => {
    if (!confirming && refocus.current) {
      refocus.current = false
      deleteButton.current?.focus()
    }
  }, [confirming])

  const cancel = (): void => {
    refocus.current = true
    setConfirming(false)
  }

  const confirm = async (): Promise<void> => {
    setBusy(true)
    const deleted = await onConfirm()
    setBusy(false)
    if (deleted) setConfirming(false)
    else cancel()
  }

  if (!confirming) {
    return (
      <button ref={deleteButton} type="button" className={`button${size} button--danger-quiet`} disabled={disabled} title={title} onClick={() => setConfirming(true)}>
        {label}
      </button>
    )
  }

  return (
    <div
      className={small ? 'confirm confirm--small' : 'confirm'}
      role="group"
      aria-label={groupLabel}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel()
      }}
    >
      <span className="confirm__text">{question}</span>
      <button type="button" className={`button${size} button--danger`} disabled={busy} onClick={() => void confirm()}>
        Yes, delete
      </button>
      {/* Focus lands on the safe choice, so a stray Enter does not delete. */}
      <button type="button" className={`button${size}`} autoFocus disabled={busy} onClick={cancel}>
        Cancel
      </button>
    </div>
  )
}
