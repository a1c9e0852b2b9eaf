// The window's one app-wide stream (GET /api/events): permission questions and
// chat turns starting and ending. Every part of the window that needs them
// listens here instead of opening a stream of its own, because a browser gives
// one host only six connections, and a second window needs some too.
import type { StreamHandlers, StreamMessage, Unsubscribe } from '../../../src-main/contract/bridge'

export const APP_EVENTS_PATH = '/api/events'

export interface AppEventListener {
  onEvent(message: StreamMessage): void
  /** The stream (re)connected: what is pending now is sent again first. */
  onOpen?(): void
}

type Open = (path: string, handlers: StreamHandlers) => Unsubscribe

/** A shared stream: opened with its first listener, closed with its last. */
export function createAppEvents(open: Open): (listener: AppEventListener) => Unsubscribe {
  const listeners = new Set<AppEventListener>()
  let close: Unsubscribe | null = null
  return (listener) => {
    listeners.add(listener)
    close ??= open(APP_EVENTS_PATH, {
      onOpen: () => {
        for (const each of [...listeners]) each.onOpen?.()
      },
      onEvent: (message) => {
        for (const each of [...listeners]) each.onEvent(message)
      },
    })
    let removed = false
    return () => {
      if (removed) return
      removed = true
      listeners.delete(listener)
      if (listeners.size === 0) {
        close?.()
        close = null
      }
    }
  }
}
