import { useMemo, useState, type KeyboardEvent, type SubmitEvent } from 'react'
import type { ChatTarget } from '../api/chat'
import type { NodeChatView } from './useNodeChat'
import { useChat } from './ChatProvider'
import { recallStep, sentMessages } from './composer-history'

/** The message box: Enter sends, Shift+Enter starts a new line, Up/Down recall sent messages; Stop while a turn runs. */
export function ChatComposer({ target, view }: { target: ChatTarget; view: NodeChatView }) {
  const send = useChat((s) => s.send)
  const stop = useChat((s) => s.stop)
  const [draft, setDraft] = useState('')
  const [sending, setSending] = useState(false)
  // Which sent message the box shows, while recalling with Up/Down.
  const [recalled, setRecalled] = useState<number | null>(null)
  const { chat, sessionId, running } = view
  const sent = useMemo(() => sentMessages(view.transcript.entries), [view.transcript.entries])
  // Busy elsewhere (another window, or a turn from before a reload we are not following).
  const busyElsewhere = chat.sessions.some((s) => s.session_id === sessionId && s.busy) && running === null
  const canSend = draft.trim() !== '' && !sending && running === null && !busyElsewhere && chat.loaded

  const submit = async (): Promise<void> => {
    if (!canSend) return
    setSending(true)
    const accepted = await send(target, draft)
    setSending(false)
    // A refused message stays in the box, so nothing typed is lost.
    if (accepted) {
      setDraft('')
      setRecalled(null)
    }
  }

  const recall = (event: KeyboardEvent<HTMLTextAreaElement>, direction: -1 | 1): void => {
    const next = recallStep(sent, { index: recalled, draft }, direction)
    // null: the box holds the user's own text; the key moves the caret as usual.
    if (next === null) return
    event.preventDefault()
    setRecalled(next.index)
    setDraft(next.draft)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.nativeEvent.isComposing
    if (plain && event.key === 'ArrowUp') return recall(event, -1)
    if (plain && event.key === 'ArrowDown') return recall(event, 1)
    // isComposing: Enter that confirms an IME candidate must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <form
      className="composer"
      aria-label="Send a message"
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault()
        void submit()
      }}
    >
      <textarea
        className="composer__input"
        aria-label="Message"
        placeholder="Message Claude — Enter sends, Shift+Enter for a new line"
        rows={2}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value)
          if (event.target.value === '') setRecalled(null)
        }}
        onKeyDown={onKeyDown}
      />
      <div className="composer__bar">
        <p className={`composer__status${running?.status.warning ? ' composer__status--warning' : ''}`} role="status" data-testid="chat-status">
          {running?.status.text ?? (busyElsewhere ? 'This session is busy with another message.' : '')}
        </p>
        {running ? (
          <button
            type="button"
            className="button button--danger-quiet"
            disabled={running.stopping}
            onClick={() => void stop(target)}
          >
            {running.stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button type="submit" className="button button--primary" disabled={!canSend}>
            {sending ? 'Sending…' : 'Send'}
          </button>
        )}
      </div>
    </form>
  )
}
