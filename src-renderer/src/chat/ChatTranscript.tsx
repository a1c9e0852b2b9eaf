import { useLayoutEffect, useRef } from 'react'
import type { NodeChatView } from './useNodeChat'
import { ChatEntryView } from './ChatEntryView'

// Within this many pixels of the bottom the view keeps following new output.
const STICKY_PX = 48

/** The conversation of the shown session, as far as this app session has seen it. */
export function ChatTranscript({ view }: { view: NodeChatView }) {
  const { chat, sessionId, transcript, running } = view
  const session = chat.sessions.find((s) => s.session_id === sessionId)
  // The server keeps no transcript we could show; say so rather than look empty.
  const unseen = session ? session.message_count - transcript.sent : 0
  const box = useRef<HTMLDivElement>(null)
  const stuck = useRef(true)

  useLayoutEffect(() => {
    const element = box.current
    if (element && stuck.current) element.scrollTop = element.scrollHeight
  }, [transcript.entries])

  return (
    <div
      ref={box}
      className="transcript"
      role="log"
      aria-label="Transcript"
      aria-busy={running !== null}
      data-testid="chat-transcript"
      onScroll={(event) => {
        const element = event.currentTarget
        stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_PX
      }}
    >
      {unseen > 0 && (
        <p className="transcript__earlier" data-testid="chat-earlier">
          Earlier messages are not shown ({unseen} before this app session).
        </p>
      )}
      {transcript.entries.length === 0 && unseen <= 0 && (
        <p className="transcript__empty">No messages yet. Say hello below.</p>
      )}
      {transcript.entries.map((entry) => (
        <ChatEntryView key={entry.id} entry={entry} />
      ))}
    </div>
  )
}
