import { useId, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type SubmitEvent } from 'react'
import { ImagePlus } from 'lucide-react'
import type { ChatTarget } from '../api/chat'
import type { NodeChatView } from './useNodeChat'
import { useChat } from './ChatProvider'
import { recallStep, sentMessages } from './composer-history'
import { matchCommands, slashQuery } from './slash-commands'
import { useAttachments } from './useAttachments'
import { AttachedImages } from './AttachedImages'
import { SlashCommandMenu } from './SlashCommandMenu'
import { IMAGE_TYPES } from './attachments'

/**
 * The message box: Enter sends, Shift+Enter starts a new line, Up/Down recall
 * sent messages, "/" lists the slash commands, pasted or dropped images go
 * with the message; Stop while a turn runs.
 */
export function ChatComposer({ target, view }: { target: ChatTarget; view: NodeChatView }) {
  const send = useChat((s) => s.send)
  const stop = useChat((s) => s.stop)
  const [draft, setDraft] = useState('')
  const [sending, setSending] = useState(false)
  // Which sent message the box shows, while recalling with Up/Down.
  const [recalled, setRecalled] = useState<number | null>(null)
  const attachments = useAttachments()
  const fileInput = useRef<HTMLInputElement>(null)
  const menuId = useId()
  const [activeCommand, setActiveCommand] = useState(0)
  const [menuClosed, setMenuClosed] = useState(false)
  const { chat, sessionId, running } = view
  const sent = useMemo(() => sentMessages(view.transcript.entries), [view.transcript.entries])
  // Busy elsewhere (another window, or a turn from before a reload we are not following).
  const busyElsewhere = chat.sessions.some((s) => s.session_id === sessionId && s.busy) && running === null
  const hasContent = draft.trim() !== '' || attachments.images.length > 0
  const canSend = hasContent && !sending && running === null && !busyElsewhere && chat.loaded

  const query = menuClosed ? null : slashQuery(draft)
  const matches = useMemo(() => (query === null ? [] : matchCommands(chat.slashCommands.commands, query)), [query, chat.slashCommands.commands])
  const menuOpen = query !== null
  const active = Math.min(activeCommand, Math.max(0, matches.length - 1))

  const changeDraft = (text: string): void => {
    setDraft(text)
    setActiveCommand(0)
    setMenuClosed(false)
  }

  const submit = async (): Promise<void> => {
    if (!canSend) return
    setSending(true)
    const accepted = await send(target, draft, attachments.images)
    setSending(false)
    // A refused message stays in the box, so nothing typed is lost.
    if (accepted) {
      changeDraft('')
      setRecalled(null)
      attachments.clear()
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

  const pickCommand = (name: string): void => {
    changeDraft(`/${name} `)
    setMenuClosed(true)
  }

  /** Keys while the command list is open: arrows move, Enter or Tab picks, Esc closes. True when handled. */
  const menuKey = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!menuOpen) return false
    if (event.key === 'Escape') {
      setMenuClosed(true)
      // Esc closes the list; it does not also stop the running turn.
      event.stopPropagation()
    } else if (matches.length === 0) return false
    else if (event.key === 'ArrowDown') setActiveCommand((active + 1) % matches.length)
    else if (event.key === 'ArrowUp') setActiveCommand((active - 1 + matches.length) % matches.length)
    else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      // A name typed out in full is sent as it is.
      if (event.key === 'Enter' && matches[active] === query) return false
      pickCommand(matches[active]!)
    } else return false
    event.preventDefault()
    return true
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.nativeEvent.isComposing || menuKey(event)) return
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey
    if (plain && event.key === 'ArrowUp') return recall(event, -1)
    if (plain && event.key === 'ArrowDown') return recall(event, 1)
    // isComposing: Enter that confirms an IME candidate must not send.
    if (event.key !== 'Enter' || event.shiftKey) return
    event.preventDefault()
    void submit()
  }

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    // Text pastes as usual; only a paste that carries nothing but images is taken over.
    if (attachments.add([...event.clipboardData.files]) && event.clipboardData.getData('text/plain') === '') event.preventDefault()
  }

  const onDrop = (event: DragEvent<HTMLFormElement>): void => {
    if (!attachments.add([...event.dataTransfer.files])) return
    event.preventDefault()
  }

  return (
    <form
      className="composer"
      aria-label="Send a message"
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault()
        void submit()
      }}
      onDragOver={(event) => {
        if ([...event.dataTransfer.items].some((item) => item.kind === 'file')) event.preventDefault()
      }}
      onDrop={onDrop}
    >
      {menuOpen && <SlashCommandMenu id={menuId} matches={matches} active={active} unknown={!chat.slashCommands.known} onPick={pickCommand} />}
      <AttachedImages images={attachments.images} onRemove={attachments.remove} />
      {attachments.refusal && (
        <p className="composer__refusal" role="alert" data-testid="chat-attachment-refusal">
          {attachments.refusal}
        </p>
      )}
      <textarea
        className="composer__input"
        aria-label="Message"
        placeholder="Message Claude — Enter sends, Shift+Enter for a new line, / for commands"
        rows={2}
        value={draft}
        aria-controls={menuOpen && matches.length > 0 ? menuId : undefined}
        aria-activedescendant={menuOpen && matches.length > 0 ? `${menuId}-${active}` : undefined}
        onChange={(event) => {
          changeDraft(event.target.value)
          if (event.target.value === '') setRecalled(null)
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <div className="composer__bar">
        <p className={`composer__status${running?.status.warning ? ' composer__status--warning' : ''}`} role="status" data-testid="chat-status">
          {running?.status.text ?? (busyElsewhere ? 'This session is busy with another message.' : '')}
        </p>
        <input
          ref={fileInput}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          multiple
          hidden
          data-testid="chat-image-input"
          onChange={(event) => {
            attachments.add([...(event.target.files ?? [])])
            event.target.value = ''
          }}
        />
        <button type="button" className="icon-button" aria-label="Attach images" title="Attach images (or paste them into the box)" onClick={() => fileInput.current?.click()}>
          <ImagePlus size={15} aria-hidden="true" />
        </button>
        {running ? (
          <button type="button" className="button button--danger-quiet" disabled={running.stopping} onClick={() => void stop(target)}>
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
