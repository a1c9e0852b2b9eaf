import type { FlowRun, RunEvent } from '../../../src-main/contract/api'
import { listen } from '../ui/listen'
import { RUN_EVENT_TYPES, decodeReset, decodeRunEvent } from './run-events'

/** `live`: connected; `connecting`: first attempt; `reconnecting`: lost it, trying again. */
export type RunStreamStatus = 'connecting' | 'live' | 'reconnecting'

export interface RunStreamHandlers {
  /** One run event, with the stream's id for it (to resume after). */
  onEvent(event: RunEvent, id: string): void
  /** The server could not replay what was missed: start over from these runs. */
  onReset(runs: FlowRun[]): void
  onStatus(status: RunStreamStatus): void
}

// When the browser gives up on its own (e.g. the server answered with an error), try again this much later.
const REOPEN_DELAY_MS = 3_000

/**
 * Follows a flow's live run events with an EventSource. The browser reconnects
 * by itself and sends Last-Event-ID, so the server replays what was missed;
 * should it give up, a new EventSource resumes after the last id seen.
 * Returns the function that stops following (closing the connection).
 */
export function openRunStream(
  urlFor: (lastEventId: string | null) => string,
  resumeAfter: string | null,
  handlers: RunStreamHandlers,
): () => void {
  let lastEventId = resumeAfter
  let stopped = false
  let closeCurrent: (() => void) | null = null
  let reopenTimer: number | null = null

  const open = (): void => {
    const source = new EventSource(urlFor(lastEventId))
    const onRunEvent = (event: Event): void => {
      if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return
      const decoded = decodeRunEvent(event.data)
      if (decoded === null) return
      if (event.lastEventId !== '') lastEventId = event.lastEventId
      handlers.onEvent(decoded, event.lastEventId)
    }
    const unsubscribes = [
      ...RUN_EVENT_TYPES.map((type) => listen(source, type, onRunEvent)),
      listen(source, 'reset', (event) => {
        if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return
        const runs = decodeReset(event.data)
        if (runs !== null) handlers.onReset(runs)
      }),
      listen(source, 'open', () => handlers.onStatus('live')),
      listen(source, 'error', () => {
        handlers.onStatus('reconnecting')
        // CONNECTING: the browser retries by itself. CLOSED: it gave up, so we take over.
        if (source.readyState === EventSource.CLOSED) scheduleReopen()
      }),
    ]
    closeCurrent = () => {
      for (const unsubscribe of unsubscribes) unsubscribe()
      source.close()
    }
  }

  const scheduleReopen = (): void => {
    closeCurrent?.()
    closeCurrent = null
    reopenTimer = window.setTimeout(() => {
      reopenTimer = null
      if (!stopped) open()
    }, REOPEN_DELAY_MS)
  }

  handlers.onStatus('connecting')
  open()
  return () => {
    stopped = true
    if (reopenTimer !== null) window.clearTimeout(reopenTimer)
    closeCurrent?.()
    closeCurrent = null
  }
}
