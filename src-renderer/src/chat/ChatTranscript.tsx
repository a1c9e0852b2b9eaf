import { useLayoutEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { NodeChatView } from './useNodeChat'
import { ChatEntryView } from './ChatEntryView'

// Within this many pixels of the bottom the view keeps following new output.
const STICKY_PX = 48
// A first guess at a row's height; each row is measured once it renders.
const ESTIMATED_ROW_PX = 64
// Rows rendered beyond the visible ones, so a quick scroll shows no blank.
const OVERSCAN = 20
// Scrolled this close to the top, the next older page is fetched without a click.
const EARLIER_PX = 160

/**
 * The conversation of the shown session: its stored history, then what streams
 * live. Only the rows in view are rendered (a session can hold thousands).
 */
export function ChatTranscript({ view, onLoadEarlier }: { view: NodeChatView; onLoadEarlier: () => void }) {
  const { transcript, running } = view
  const { history, entries } = transcript
  const box = useRef<HTMLDivElement>(null)
  const stuck = useRef(true)

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => box.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    getItemKey: (index) => entries[index]!.id,
  })
  const total = virtualizer.getTotalSize()

  // A message the user just sent brings the view back to the bottom.
  const last = entries.at(-1)
  const lastUser = useRef<number | null>(null)
  if (last?.kind === 'user' && last.id !== lastUser.current) {
    lastUser.current = last.id
    stuck.current = true
  }

  // Older entries put in front keep the reader where they were; new output follows the bottom when stuck.
  const first = entries[0]?.id
  const previous = useRef({ first, total: 0 })
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    if (previous.current.first !== undefined && first !== previous.current.first && !stuck.current) {
      element.scrollTop += total - previous.current.total
    } else if (stuck.current) element.scrollTop = element.scrollHeight
    previous.current = { first, total }
  }, [entries, first, total])

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
        if (element.scrollTop < EARLIER_PX && history.earlier !== null && !history.loading && !stuck.current) onLoadEarlier()
      }}
    >
      {history.earlier !== null && (
        <button type="button" className="button button--small transcript__earlier" disabled={history.loading} onClick={onLoadEarlier} data-testid="chat-load-earlier">
          {history.loading ? 'Loading…' : 'Load earlier messages'}
        </button>
      )}
      {entries.length === 0 && (
        <p className="transcript__empty">{history.loading ? 'Loading the conversation…' : 'No messages yet. Say hello below.'}</p>
      )}
      <div className="transcript__rows" style={{ height: total }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            className="transcript__row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            <ChatEntryView entry={entries[row.index]!} />
          </div>
        ))}
      </div>
    </div>
  )
}
