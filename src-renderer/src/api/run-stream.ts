import type { FlowRun, RunEvent } from '../../../src-main/contract/api'
import type { OpenStream, StreamMessage } from '../../../src-main/contract/bridge'
import { appBridge } from './connection'
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

// When the server refuses the stream outright (the bridge does not retry a refusal), try again this much later.
const REOPEN_DELAY_MS = 3_000

const livePath = (flowId: string): string => `/api/flows/${encodeURIComponent(flowId)}/runs/live`

/**
 * Follows a flow's live run events through the bridge, which reconnects by
 * itself with Last-Event-ID so the server replays what was missed; should the
 * server refuse it, a new stream resumes after the last id seen.
 * Returns the function that stops following (closing the connection).
 */
export function openRunStream(
  flowId: string,
  resumeAfter: string | null,
  handlers: RunStreamHandlers,
  open: OpenStream = (...args) => appBridge().openStream(...args),
): () => void {
  let lastEventId = resumeAfter
  let stopped = false
  let closeCurrent: (() => void) | null = null
  let reopenTimer: ReturnType<typeof setTimeout> | null = null

  const onMessage = (message: StreamMessage): void => {
    if (message.event === 'reset') {
      const runs = decodeReset(message.data)
      if (runs !== null) handlers.onReset(runs)
    } else if (RUN_EVENT_TYPES.some((type) => type === message.event)) {
      const decoded = decodeRunEvent(message.data)
      if (decoded === null) return
      handlers.onEvent(decoded, message.id ?? '')
    } else {
      return
    }
    if (message.id !== null) lastEventId = message.id
  }

  const start = (): void => {
    closeCurrent = open(livePath(flowId), {
      onOpen: () => handlers.onStatus('live'),
      onEvent: onMessage,
      onError: (error) => {
        handlers.onStatus('reconnecting')
        if (!error.willRetry) scheduleReopen()
      },
    }, { lastEventId })
  }

  const scheduleReopen = (): void => {
    closeCurrent?.()
    closeCurrent = null
    reopenTimer = setTimeout(() => {
      reopenTimer = null
      if (!stopped) start()
    }, REOPEN_DELAY_MS)
  }

  handlers.onStatus('connecting')
  start()
  return () => {
    stopped = true
    if (reopenTimer !== null) clearTimeout(reopenTimer)
    closeCurrent?.()
    closeCurrent = null
  }
}
