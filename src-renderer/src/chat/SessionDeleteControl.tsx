import type { ChatTarget } from '../api/chat'
import { useChat } from './ChatProvider'
import { ConfirmDelete } from '../ui/ConfirmDelete'

interface SessionDeleteControlProps {
  target: ChatTarget
  sessionId: string
  /** The server keeps at least one session per node. */
  canDelete: boolean
}

/** Deletes the shown session after an inline confirmation. */
export function SessionDeleteControl({ target, sessionId, canDelete }: SessionDeleteControlProps) {
  const remove = useChat((s) => s.deleteSession)
  return (
    <ConfirmDelete
      label="Delete session"
      question="Delete this session?"
      groupLabel="Confirm session delete"
      small
      disabled={!canDelete}
      title={canDelete ? undefined : 'The last session cannot be deleted'}
      onConfirm={() => remove(target, sessionId)}
    />
  )
}
