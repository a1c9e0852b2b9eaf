import { useEffect, useRef, useState } from 'react'
import type { FlowSummary } from '../../../src-main/contract/api'
import { useFlows } from '../stores/FlowsProvider'

/** Delete with an inline "are you sure" step (no window.confirm: it blocks and is hard to test). */
export function DeleteControl({ flow }: { flow: FlowSummary }) {
  const remove = useFlows((s) => s.remove)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  // Cancelling unmounts the focused button; hand focus back to Delete rather than the page.
  const deleteButton = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)

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
    const removed = await remove(flow.id)
    // On success this component unmounts with the flow; on failure offer the choice again.
    if (!removed) {
      setBusy(false)
      cancel()
    }
  }

  if (!confirming) {
    return (
      <button
        ref={deleteButton}
        type="button"
        className="button button--danger-quiet"
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    )
  }

  return (
    <div
      className="confirm"
      role="group"
      aria-label="Confirm delete"
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel()
      }}
    >
      <span className="confirm__text">Delete this flow?</span>
      <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
        Yes, delete
      </button>
      {/* Focus lands on the safe choice, so a stray Enter does not delete. */}
      <button type="button" className="button" autoFocus disabled={busy} onClick={cancel}>
        Cancel
      </button>
    </div>
  )
}
