import type { OpenStream, OpenStreamOptions, StreamError } from '../../../src-main/contract/bridge'
import { interactPath, type ChatTarget } from './chat'
import { decodeChatEvent, type ChatEvent } from './chat-events'
import { ApiError } from './client'
import type { OutgoingMessage } from './chat-message'

export type TurnOutcome =
  /** The server sent `done`, or closed the stream after an error. */
  | { kind: 'finished' }
  /** We aborted the request ourselves. */
  | { kind: 'aborted' }
  /** The request was refused (e.g. 409 busy) or never reached the server. */
  | { kind: 'refused'; error: Error }
  /** The stream dropped and re-attaching failed as well. */
  | { kind: 'lost'; error: Error }

export interface TurnHandlers {
  /** The server accepted the request; events follow. */
  onOpen?(): void
  onEvent(event: ChatEvent): void
  /** The connection dropped mid-turn; a re-attach is being tried. */
  onReconnect?(): void
}

export interface TurnStream {
  abort(): void
  finished: Promise<TurnOutcome>
}

// A turn's stream is re-attached this many times before the answer counts as lost.
const MAX_REATTACHES = 3

const chatPath = interactPath

const attachPath = (target: ChatTarget, sessionId: string): string =>
  `${chatPath(target)}/stream?${new URLSearchParams({ session_id: sessionId }).toString()}`

/**
 * Sends a message and streams the turn it starts: a POST answered with the
 * turn's events. Should it drop, the bridge re-attaches through the GET
 * stream route after the last event id, so nothing is lost or shown twice.
 */
export function sendMessage(
  open: OpenStream,
  target: ChatTarget,
  message: OutgoingMessage,
  sessionId: string,
  handlers: TurnHandlers,
): TurnStream {
  const images = message.images.map(({ mediaType, data }) => ({ media_type: mediaType, data }))
  return streamTurn(open, chatPath(target), {
    method: 'POST',
    body: images.length === 0 ? { prompt: message.text, session_id: sessionId } : { prompt: message.text, session_id: sessionId, images },
    resumePath: attachPath(target, sessionId),
  }, handlers)
}

/** Follows a turn that is already running (e.g. after a reload), from its start. */
export function followTurn(open: OpenStream, target: ChatTarget, sessionId: string, handlers: TurnHandlers): TurnStream {
  return streamTurn(open, attachPath(target, sessionId), {}, handlers)
}

/**
 * Reads one turn's stream to its end; the server closes it after `done` (or a
 * terminal `error`). A stream that closes cleanly before either (a proxy or a
 * network cut that looks like a normal end) is re-attached through the GET
 * route after the last event id, like a drop, a few times at most.
 */
export function streamTurn(open: OpenStream, path: string, options: OpenStreamOptions, handlers: TurnHandlers): TurnStream {
  let settle!: (outcome: TurnOutcome) => void
  const finished = new Promise<TurnOutcome>((resolve) => (settle = resolve))
  let settled = false
  let opened = false
  let sawError = false
  let reattaches = 0
  let lastEventId: string | null = options.lastEventId ?? null
  let unsubscribe: () => void = () => undefined
  const resumePath = options.resumePath ?? (options.method === 'POST' ? undefined : path)

  const end = (outcome: TurnOutcome): void => {
    if (settled) return
    settled = true
    unsubscribe()
    settle(outcome)
  }

  const onError = (error: StreamError): void => {
    if (error.willRetry && reattaches < MAX_REATTACHES) {
      reattaches++
      handlers.onReconnect?.()
      return
    }
    const cause = new ApiError(error.message, error.status ?? 0)
    end(opened ? { kind: 'lost', error: cause } : { kind: 'refused', error: cause })
  }

  const onEnd = (): void => {
    // "Nothing could start" ends the stream right after its error, with no done.
    if (sawError) return end({ kind: 'finished' })
    if (resumePath !== undefined && reattaches < MAX_REATTACHES) {
      reattaches++
      handlers.onReconnect?.()
      unsubscribe()
      attach(resumePath, { lastEventId })
      return
    }
    end({ kind: 'lost', error: new Error('the stream ended before the answer was complete') })
  }

  const attach = (from: string, attachOptions: OpenStreamOptions): void => {
    unsubscribe = open(from, {
      onOpen: () => {
        if (!opened) handlers.onOpen?.()
        opened = true
      },
      onEvent: (message) => {
        if (message.id !== null) lastEventId = message.id
        const event = decodeChatEvent(message)
        if (event === null) return
        if (event.type === 'error') sawError = true
        handlers.onEvent(event)
        if (event.type === 'done') end({ kind: 'finished' })
      },
      onError,
      onEnd,
    }, { ...attachOptions, resumePath, endOnClose: true })
  }

  attach(path, options)
  return { abort: () => end({ kind: 'aborted' }), finished }
}
