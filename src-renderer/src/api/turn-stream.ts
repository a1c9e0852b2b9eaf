import type { ChatApi, ChatTarget } from './chat'
import { decodeChatEvent, type ChatEvent } from './chat-events'
import { readSse, type EventSourceMessage } from './sse'

export type TurnOutcome =
  /** The server sent `done`, or closed the stream after an error. */
  | { kind: 'finished' }
  /** We aborted the request ourselves. */
  | { kind: 'aborted' }
  /** The request was refused (e.g. 409 busy) or never reached the server. */
  | { kind: 'refused'; error: Error }
  /** The stream dropped and the one re-attach failed as well. */
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

type Open = (signal: AbortSignal) => Promise<Response>
type Reattach = (lastEventId: number | null, signal: AbortSignal) => Promise<Response>

/** Sends a message and streams the turn it starts. */
export function sendMessage(
  api: ChatApi,
  target: ChatTarget,
  prompt: string,
  sessionId: string,
  handlers: TurnHandlers,
): TurnStream {
  return streamTurn(
    (signal) => api.openMessage(target, prompt, sessionId, signal),
    (lastId, signal) => api.openAttach(target, sessionId, lastId, signal),
    handlers,
  )
}

/** Follows a turn that is already running (e.g. after a reload), from its start. */
export function followTurn(api: ChatApi, target: ChatTarget, sessionId: string, handlers: TurnHandlers): TurnStream {
  return streamTurn(
    (signal) => api.openAttach(target, sessionId, null, signal),
    (lastId, signal) => api.openAttach(target, sessionId, lastId, signal),
    handlers,
  )
}

/**
 * Reads one turn's stream. When it drops before `done` (the read throws, or the
 * body ends early) it re-attaches once, after the last event id it saw, so no
 * event is lost or shown twice.
 */
export function streamTurn(open: Open, reattach: Reattach, handlers: TurnHandlers): TurnStream {
  const controller = new AbortController()
  const { signal } = controller
  let lastId: number | null = null
  let sawDone = false
  let sawError = false

  const onMessage = (message: EventSourceMessage): void => {
    if (signal.aborted) return
    const id = message.id !== undefined && /^\d+$/.test(message.id) ? Number(message.id) : null
    if (id !== null) {
      // A replay must never show an event twice.
      if (lastId !== null && id <= lastId) return
      lastId = id
    }
    const event = decodeChatEvent(message)
    if (event === null) return
    if (event.type === 'done') sawDone = true
    if (event.type === 'error') sawError = true
    handlers.onEvent(event)
  }

  /** Reads a body to its end: null when it ended cleanly, else why it failed. */
  const read = async (response: Response): Promise<Error | null> => {
    if (!response.body) return new Error('The stream has no body')
    try {
      await readSse(response.body, onMessage)
      return null
    } catch (error) {
      return toError(error)
    }
  }

  const run = async (): Promise<TurnOutcome> => {
    let response: Response
    try {
      response = await open(signal)
    } catch (error) {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'refused', error: toError(error) }
    }
    handlers.onOpen?.()
    const problem = await read(response)
    if (signal.aborted) return { kind: 'aborted' }
    // "Nothing could start" ends the stream right after its error, with no done.
    if (sawDone || (problem === null && sawError)) return { kind: 'finished' }

    handlers.onReconnect?.()
    try {
      const again = await reattach(lastId, signal)
      const secondProblem = await read(again)
      if (signal.aborted) return { kind: 'aborted' }
      // The re-attach stream only ends cleanly once the turn is over.
      if (sawDone || secondProblem === null) return { kind: 'finished' }
      return { kind: 'lost', error: secondProblem }
    } catch (error) {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'lost', error: toError(error) }
    }
  }

  return { abort: () => controller.abort(), finished: run() }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}
