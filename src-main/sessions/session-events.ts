// The events of one session's turns, numbered and kept in a bounded buffer, so
// a turn goes on when its client disconnects and a client can re-attach with
// Last-Event-ID and get what it missed (§15.5 for interact streams).
import type { SseEvent } from '../http/sse'
import type { TurnEvent } from '../agent/stream-json'

export interface Follower {
  event(event: SseEvent): void
  /** The turn ended (after `done` or a terminal `error`). */
  end(): void
}

const MAX_EVENTS = 4096
const MAX_BYTES = 512 * 1024

export class SessionEvents {
  private readonly buffer: SseEvent[] = []
  private bytes = 0
  private nextId = 1
  private readonly followers = new Set<Follower>()
  /** Id of the first event of the running turn, or null when idle. */
  private turnStart: number | null = null

  get running(): boolean {
    return this.turnStart !== null
  }

  /** Id of the first event of the running turn, or of the last one. */
  lastTurnStart = 1

  /** Opens a turn; returns the id its first event will carry. */
  beginTurn(): number {
    this.turnStart = this.nextId
    this.lastTurnStart = this.nextId
    return this.nextId
  }

  push(turnEvent: TurnEvent): void {
    const event: SseEvent = {
      event: turnEvent.event,
      data: typeof turnEvent.data === 'string' ? turnEvent.data : JSON.stringify(turnEvent.data),
      id: this.nextId++,
    }
    this.buffer.push(event)
    this.bytes += event.data.length
    while (this.buffer.length > MAX_EVENTS || (this.bytes > MAX_BYTES && this.buffer.length > 1)) this.bytes -= this.buffer.shift()!.data.length
    for (const follower of this.followers) follower.event(event)
  }

  endTurn(): void {
    this.turnStart = null
    for (const follower of [...this.followers]) follower.end()
    this.followers.clear()
  }

  /**
   * Replays the buffered events with an id of at least `fromId`, then follows
   * the running turn to its end (or ends at once when no turn runs).
   * Returns the function that stops following.
   */
  follow(fromId: number, follower: Follower): () => void {
    for (const event of this.buffer) if ((event.id as number) >= fromId) follower.event(event)
    if (this.turnStart === null) {
      follower.end()
      return () => undefined
    }
    this.followers.add(follower)
    return () => this.followers.delete(follower)
  }
}
