// Flows: create, change, delete, list. The services that hang off a flow
// (runs, sessions, scheduler) listen for changes; a deletion is answered only
// once every one of them has let go of the flow.
import { randomUUID } from 'node:crypto'
import type { Flow, FlowChanges, NewFlow } from '../contract/api'
import type { Logger } from '../log'
import { DocumentStore } from '../storage/document-store'
import type { FileWriteQueue } from '../storage/write-queue'
import { decodeWith } from '../schema'
import { storedTimestamp } from '../time'
import { summarize } from '../contract/flow-summary'
import { storedFlowSchema } from './model'

/** A write based on an older version of the flow than the stored one. */
export class FlowConflictError extends Error {
  constructor(readonly current: Flow) {
    super('the flow was changed elsewhere since you loaded it')
    this.name = 'FlowConflictError'
  }
}

export type FlowChange =
  | { kind: 'created'; flow: Flow }
  | { kind: 'updated'; flow: Flow; previous: Flow }
  | { kind: 'deleted'; flow: Flow }

/** May return a promise: a deletion waits for it. */
export type FlowListener = (change: FlowChange) => void | Promise<void>

export class FlowStore {
  private readonly store: DocumentStore<Flow>
  private readonly listeners = new Set<FlowListener>()

  constructor(
    flowsDir: string,
    writer: FileWriteQueue,
    log: Logger,
  ) {
    this.store = new DocumentStore(flowsDir, writer, decodeWith(storedFlowSchema), log)
  }

  load(): Promise<number> {
    return this.store.load()
  }

  get(id: string): Flow | undefined {
    return this.store.get(id)
  }

  /** Every flow, oldest first. */
  all(): readonly Flow[] {
    return this.store.all()
  }

  getJson(id: string): string | undefined {
    return this.store.json(id)
  }

  /** `{"flows": [...summaries]}`, cached until a flow changes. */
  summariesJson(): string {
    return this.store.listJson('summaries', (flows) => ({ flows: flows.map(summarize) }))
  }

  async create(input: NewFlow): Promise<Flow> {
    const now = storedTimestamp()
    const flow: Flow = {
      id: randomUUID(),
      name: input.name,
      description: input.description ?? '',
      enabled: true,
      nodes: input.nodes ?? [],
      edges: input.edges ?? [],
      created_at: now,
      updated_at: now,
    }
    await this.store.save(flow)
    void this.emit({ kind: 'created', flow })
    return flow
  }

  /**
   * Present fields replace the stored ones wholesale; `updated_at` moves on every
   * call. With `expectedUpdatedAt`, a flow changed since then is not overwritten
   * (FlowConflictError carries the stored one).
   */
  async update(id: string, changes: FlowChanges, expectedUpdatedAt?: string): Promise<Flow | undefined> {
    const previous = this.store.get(id)
    if (!previous) return undefined
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== previous.updated_at) throw new FlowConflictError(previous)
    const flow: Flow = {
      ...previous,
      name: changes.name ?? previous.name,
      description: changes.description ?? previous.description,
      enabled: changes.enabled ?? previous.enabled,
      nodes: changes.nodes ?? previous.nodes,
      edges: changes.edges ?? previous.edges,
      updated_at: laterTimestamp(previous.updated_at),
    }
    await this.store.save(flow)
    void this.emit({ kind: 'updated', flow, previous })
    return flow
  }

  /** Saves `enabled: false` without touching `updated_at` (the --start-disabled rule). */
  async disableAll(): Promise<number> {
    const enabled = this.store.all().filter((flow) => flow.enabled)
    await Promise.all(enabled.map((flow) => this.store.save({ ...flow, enabled: false })))
    return enabled.length
  }

  async delete(id: string): Promise<Flow | undefined> {
    const flow = await this.store.remove(id)
    if (!flow) return undefined
    await this.emit({ kind: 'deleted', flow })
    return flow
  }

  /** Returns the unsubscribe function. */
  onChange(listener: FlowListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Listeners handle their own failures; one cannot keep the others from running. */
  private async emit(change: FlowChange): Promise<void> {
    await Promise.allSettled([...this.listeners].map(async (listener) => listener(change)))
  }
}

/** Now, but never equal to the previous value, so `updated_at` tells every version apart. */
function laterTimestamp(previous: string): string {
  const now = new Date()
  const before = Date.parse(previous)
  return storedTimestamp(Number.isFinite(before) && now.getTime() <= before ? new Date(before + 1) : now)
}
