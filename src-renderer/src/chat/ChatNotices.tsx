import type { ChatTarget } from '../api/chat'
import type { NodeChat } from './store'
import { useChat } from './ChatProvider'
import { Banner } from '../ui/Banner'
import { FailedActionBanner } from '../ui/FailedActionBanner'

/** A failed chat request (red, with Retry), a refused message, or a polite notice, until dismissed. */
export function ChatNotices({ target, chat }: { target: ChatTarget; chat: NodeChat }) {
  const dismiss = useChat((s) => s.dismiss)
  if (chat.failed === null && chat.error === null && chat.notice === null) return null
  return (
    <div className="chat__notices">
      <FailedActionBanner failed={chat.failed} onDismiss={() => dismiss(target)} testId="chat-error" />
      {chat.error !== null && <Banner kind="error" message={chat.error} onDismiss={() => dismiss(target)} testId="chat-error" />}
      {chat.notice !== null && <Banner kind="notice" message={chat.notice} onDismiss={() => dismiss(target)} testId="chat-notice" />}
    </div>
  )
}
