import type { ChatTarget } from '../api/chat'
import type { NodeChat } from '../stores/chat'
import { useChat } from '../stores/ChatProvider'

/** A failed chat action (red) or a polite notice, until dismissed. */
export function ChatNotices({ target, chat }: { target: ChatTarget; chat: NodeChat }) {
  const dismiss = useChat((s) => s.dismiss)
  if (chat.error === null && chat.notice === null) return null
  return (
    <div className="chat__notices">
      {chat.error !== null && (
        <div className="banner banner--error" role="alert" data-testid="chat-error">
          <span>{chat.error}</span>
          <button type="button" className="button button--small" onClick={() => dismiss(target)}>
            Dismiss
          </button>
        </div>
      )}
      {chat.notice !== null && (
        <div className="banner banner--notice" role="status" data-testid="chat-notice">
          <span>{chat.notice}</span>
          <button type="button" className="button button--small" onClick={() => dismiss(target)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
