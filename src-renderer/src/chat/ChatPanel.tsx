import { useEffect, useId, type KeyboardEvent, type ReactNode } from 'react'
import type { ChatTarget } from '../api/chat'
import { useNodeChat } from './useNodeChat'
import { useChat } from './ChatProvider'
import { ChatComposer } from './ChatComposer'
import { ChatNotices } from './ChatNotices'
import { ChatTranscript } from './ChatTranscript'
import { SessionPicker } from './SessionPicker'
import { SavePromptButton } from './SavePromptDialog'

interface ChatPanelProps {
  target: ChatTarget
  label: string
  /** Names the flow a saved prompt came from. */
  flowName?: string
  /** Picks who to chat with; shown first in the header row. */
  chooser?: ReactNode
  onClose?: () => void
}

/** Chat with one executor node or the lead agent: its sessions, the conversation, and the message box. */
export function ChatPanel({ target, label, flowName = label, chooser, onClose }: ChatPanelProps) {
  const loadSessions = useChat((s) => s.loadSessions)
  const loadEarlier = useChat((s) => s.loadEarlier)
  const stop = useChat((s) => s.stop)
  const watchActivity = useChat((s) => s.watchActivity)
  const view = useNodeChat(target)
  const titleId = useId()
  const { flowId, nodeId } = target

  useEffect(() => {
    void loadSessions({ flowId, nodeId })
  }, [flowId, nodeId, loadSessions])
  useEffect(() => watchActivity(), [watchActivity])

  // Esc anywhere in the panel does what Stop does; inside a dialog it closes the dialog instead.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing || view.running === null || view.running.stopping) return
    if (event.target instanceof Element && event.target.closest('dialog') !== null) return
    event.preventDefault()
    void stop(target)
  }

  return (
    <section className="chat" aria-labelledby={titleId} data-testid="chat-panel" onKeyDown={onKeyDown}>
      {/* One row: who, which session, and what to do with it; the transcript gets the height. */}
      <header className="chat__header">
        {chooser}
        <h3 id={titleId} className={chooser ? 'visually-hidden' : 'chat__title'}>
          Chat with {label}
        </h3>
        <SessionPicker target={target} view={view} />
        <SavePromptButton entries={view.transcript.entries} flowName={flowName} />
        {onClose && (
          <button type="button" className="button button--small" onClick={onClose}>
            Close chat
          </button>
        )}
      </header>
      <ChatNotices target={target} chat={view.chat} />
      <ChatTranscript view={view} onLoadEarlier={() => void loadEarlier(target)} />
      <ChatComposer target={target} view={view} />
    </section>
  )
}
