import type { ChatTarget } from '../api/chat'
import type { NodeChat } from './store'
import { useChat } from './ChatProvider'
import { Banner } from '../ui/Banner'

/** A failed chat action (red) or a polite notice, until dismissed. */
export function ChatNotices({ target, chat }: { target: ChatTarget; chat: NodeChat }) {
  const dismiss = useChat((s) => s.dismiss)
  if (chat.error === null && chat.notice === null) return null
  return (
    <div className="chat__notices">
      {chat.error !== null && <Banner kind="error" message={chat.error} onDismiss={() => dismiss(target)} testId="chat-error" />}
      {chat.notice !== null && <Banner kind="notice" message={chat.notice} onDismiss={() => dismiss(target)} testId="chat-notice" />}
    </div>
  )
}
