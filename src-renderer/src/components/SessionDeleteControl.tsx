import { useState } from 'react'
import type { ChatTarget } from '../api/chat'
import { useChat } from '../stores/ChatProvider'

interface SessionDeleteControlProps {
  target: ChatTarget
  sessionId: string
  /** The server keeps at least one session per node. */
  canDelete: boolean
}

/** Delete the shown session, with an inline "are you sure" step. */
export function SessionDeleteControl({ target, sessionId, canDelete }: SessionDeleteControlProps) {
  const remove = useChat((s) => s.deleteSession)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--small button--danger-quiet"
        disabled={!canDelete}
        title={canDelete ? undefined : 'The last session cannot be deleted'}
        onClick={() => setConfirming(true)}
      >
        Delete session
      </button>
    )
  }

  const confirm = async (): Promise<void> => {
    setBusy(true)
    await remove(target, sessionId)
    setBusy(false)
    setConfirming(false)
  }

  return (
    <div
      className="confirm confirm--small"
      role="group"
      aria-label="Confirm session delete"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setConfirming(false)
      }}
    >
      <span className="confirm__text">Delete this session?</span>
      <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void confirm()}>
        Yes, delete
      </button>
      {/* Focus lands on the safe choice, so a stray Enter does not delete. */}
      <button type="button" className="button button--small" autoFocus disabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  )
}
