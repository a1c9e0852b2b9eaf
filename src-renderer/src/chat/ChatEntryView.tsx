import { TOOL_RESULT_LIMIT, clip, turnSummary } from './chat-format'
import { lazy, memo, Suspense } from 'react'
import { Image as ImageIcon } from 'lucide-react'
import type { ChatEntry } from './transcript'
import { ApprovalCard } from '../permissions/ApprovalCard'
import { CopyButton } from '../ui/CopyButton'
import { ToolCard } from './tools/ToolCard'
import { ThinkingBlock } from './ThinkingBlock'

// The Markdown renderer (react-markdown, remark-gfm, highlighting) loads with the first finished answer.
const MessageMarkdown = lazy(() => import('./MessageMarkdown'))

/**
 * One line of the transcript, styled by what it is. Entries never change in
 * place (each change is a new object), so a row re-renders only when its own
 * entry changed — not on every scroll of the virtual list.
 */
export const ChatEntryView = memo(function ChatEntryView({ entry }: { entry: ChatEntry }) {
  switch (entry.kind) {
    case 'user':
      return (
        <div className="msg msg--user" data-testid="chat-user">
          <span className="msg__who">You</span>
          <p className="msg__text" data-testid="message-text">
            {entry.text}
          </p>
          {entry.images ? (
            <span className="msg__images" data-testid="chat-user-images">
              <ImageIcon size={11} aria-hidden="true" /> {entry.images === 1 ? '1 image' : `${entry.images} images`}
            </span>
          ) : null}
        </div>
      )
    case 'assistant':
      return (
        <div className="msg msg--assistant" data-testid="chat-assistant" data-live={entry.live ? 'true' : 'false'}>
          <span className="msg__who">
            Claude
            {!entry.live && <CopyButton className="msg__copy" label="Copy message" text={() => entry.text} />}
          </span>
          {entry.live ? (
            // Plain text while it streams: half a code fence would reflow on every delta.
            <p className="msg__text" data-testid="message-text">
              {entry.text}
              <span className="msg__cursor" aria-hidden="true" />
            </p>
          ) : (
            <Suspense fallback={<p className="msg__text" data-testid="message-text">{entry.text}</p>}>
              <MessageMarkdown text={entry.text} />
            </Suspense>
          )}
        </div>
      )
    case 'tool':
      return <ToolCard entry={entry} />
    case 'tool-result':
      return (
        <pre className={`msg msg--tool-result${entry.isError ? ' msg--tool-failed' : ''}`} data-testid="chat-tool-result">
          {clip(entry.content, TOOL_RESULT_LIMIT) || '(no output)'}
        </pre>
      )
    case 'thinking':
      return <ThinkingBlock text={entry.text} redacted={entry.redacted} />
    case 'result':
      return (
        <p className={`msg msg--result${entry.isError ? ' msg--result-failed' : ''}`} data-testid="chat-result">
          {entry.isError ? 'Failed · ' : ''}
          {turnSummary(entry.cost, entry.turns, entry.usage)}
        </p>
      )
    case 'error':
      return (
        <p className="msg msg--error" data-testid="chat-error-line">
          {entry.message}
        </p>
      )
    case 'stderr':
      return (
        <p className="msg msg--stderr" data-testid="chat-stderr">
          {entry.line}
        </p>
      )
    case 'approval':
      return <ApprovalCard request={entry.request} settled={entry.settled} />
    case 'note':
      return (
        <p className="msg msg--note" data-testid="chat-note">
          {entry.text}
        </p>
      )
  }
})
