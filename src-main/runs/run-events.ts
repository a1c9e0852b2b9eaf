// The live run stream's source (§5.3 + §15.5): every RunEvent gets an id and
// is kept in a bounded per-flow buffer, so a client reconnecting with
// Last-Event-ID gets what it missed — or is told to start over (`reset`) when
// the buffer no longer reaches back that far, or the app restarted meanwhile.
import { randomBytes } from 'node:crypto'
import type { RunEvent } from '../contract/api'

export interface NumberedEvent {
  id: string
  event: RunEvent
}

export type Listener = (event: NumberedEvent) => void

const PER_FLOW = 1000

interface FlowBuffer {
  events: NumberedEvent[]
  /** Sequence number of the newest event dropped from the buffer (0: none). */
  dropped: number
}

export class RunEventBus {
  /** Ids look like `<boot>-<n>`: a different boot means the client's id is from an earlier run of the app. */
  private readonly boot = randomBytes(4).toString('hex')
  private sequence = 0
  private readonly buffers = new Map<string, FlowBuffer>()
  private readonly listeners = new Map<string, Set<Listener>>()
  /** Listeners to every flow's events (the app-wide stream). */
  private readonly everyFlow = new Set<Listener>()

  publish(event: RunEvent): NumberedEvent {
    const numbered = { id: `${this.boot}-${++this.sequence}`, event }
    let buffer = this.buffers.get(event.flow_id)
    if (!buffer) {
      buffer = { events: [], dropped: 0 }
      this.buffers.set(event.flow_id, buffer)
    }
    buffer.events.push(numbered)
    if (buffer.events.length > PER_FLOW) buffer.dropped = this.sequenceOf(buffer.events.shift()!.id)
    for (const listener of this.listeners.get(event.flow_id) ?? []) listener(numbered)
    for (const listener of this.everyFlow) listener(numbered)
    return numbered
  }

  /**
   * Follows one flow's events. With `lastEventId`, the buffered events after it
   * are replayed first; `'reset'` is returned instead when they cannot all be.
   */
  subscribe(flowId: string, listener: Listener, lastEventId?: string): { replayed: NumberedEvent[] | 'reset'; unsubscribe: () => void } {
    let set = this.listeners.get(flowId)
    if (!set) {
      set = new Set()
      this.listeners.set(flowId, set)
    }
    set.add(listener)
    const unsubscribe = () => {
      set.delete(listener)
      if (set.size === 0 && this.listeners.get(flowId) === set) this.listeners.delete(flowId)
    }
    return { replayed: lastEventId === undefined ? [] : this.since(flowId, lastEventId), unsubscribe }
  }

  /** Follows the events of every flow from now on (nothing is replayed); returns the unsubscribe. */
  subscribeAll(listener: Listener): () => void {
    this.everyFlow.add(listener)
    return () => this.everyFlow.delete(listener)
  }

  /** The id of the newest event (of any flow): a `reset` carries it, so a client resumes from here. */
  currentId(): string {
    return `${this.boot}-${this.sequence}`
  }

  /** Drops a deleted flow's buffer. */
  forget(flowId: string): void {
    this.buffers.delete(flowId)
  }

  private since(flowId: string, lastEventId: string): NumberedEvent[] | 'reset' {
    const [boot, seq] = lastEventId.split('-')
    const last = Number(seq)
    if (boot !== this.boot || !Number.isInteger(last) || last > this.sequence) return 'reset'
    const buffer = this.buffers.get(flowId)
    if (!buffer) return []
    if (last < buffer.dropped) return 'reset'
    return buffer.events.filter((numbered) => this.sequenceOf(numbered.id) > last)
  }

  private sequenceOf(id: string): number {
    return Number(id.slice(id.indexOf('-') + 1))
  }
}
