import { useLayoutEffect, useRef } from 'react'
import type { NodeChatView } from './useNodeChat'
import { ChatEntryView } from './ChatEntryView'

// Within this many pixels of the bottom the view keeps following new output.
const STICKY_PX = 48

/** The conversation of the shown session: its stored history, then what streams live. */
export function ChatTranscript({ view, onLoadEarlier }: { view: NodeChatView; onLoadEarlier: () => void }) {
  const { transcript, running } = view
  const { history } = transcript
  const box = useRef<HTMLDivElement>(null)
  const stuck = useRef(true)

  // Older entries put in front keep the reader where they were; new ones follow the bottom when stuck.
  const first = transcript.entries[0]?.id
  const previous = useRef({ first, height: 0 })
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    if (previous.current.first !== undefined && first !== previous.current.first && !stuck.current) {
      element.scrollTop += element.scrollHeight - previous.current.height
    } else if (stuck.current) element.scrollTop = element.scrollHeight
    previous.current = { first, height: element.scrollHeight }
  }, [transcript.entries, first])

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
      {history.earlier !== null && (
        <button type="button" className="button button--small transcript__earlier" disabled={history.loading} onClick={onLoadEarlier} data-testid="chat-load-earlier">
          {history.loading ? 'Loading…' : 'Load earlier messages'}
        </button>
      )}
      {transcript.entries.length === 0 && (
        <p className="transcript__empty">{history.loading ? 'Loading the conversation…' : 'No messages yet. Say hello below.'}</p>
      )}
      {transcript.entries.map((entry) => (
        <ChatEntryView key={entry.id} entry={entry} />
      ))}
    </div>
  )
}
