// Which chat turns are running, for every tab at once: a turn started in one
// window is announced to all, so another tab showing that session can follow
// it (re-attaching to the session's own stream). New listeners get the turns
// running now first.
import type { ChatActivityEvent, ChatTurnOutcome, ChatTurnStarted } from '../contract/chat'

export type ActivityListener = (event: ChatActivityEvent, id: number) => void

export interface NumberedActivity {
  event: ChatActivityEvent
  id: number
}

export class ChatActivity {
  /** Running turns by session id, with the id of their `turn_started`. */
  private readonly running = new Map<string, NumberedActivity>()
  private readonly listeners = new Set<ActivityListener>()
  private sequence = 0

  started(turn: ChatTurnStarted): void {
    const numbered = this.publish({ event: 'turn_started', data: { ...turn } })
    this.running.set(turn.session_id, numbered)
  }

  ended(turn: ChatTurnStarted, outcome: ChatTurnOutcome): void {
    this.running.delete(turn.session_id)
    this.publish({ event: 'turn_ended', data: { ...turn, outcome } })
  }

  /** Follows the announcements; returns the running turns' `turn_started` (to send first) and the unsubscribe function. */
  subscribe(listener: ActivityListener): { running: NumberedActivity[]; unsubscribe: () => void } {
    this.listeners.add(listener)
    return { running: [...this.running.values()], unsubscribe: () => this.listeners.delete(listener) }
  }

  private publish(event: ChatActivityEvent): NumberedActivity {
    const id = ++this.sequence
    for (const listener of this.listeners) listener(event, id)
    return { event, id }
  }
}
