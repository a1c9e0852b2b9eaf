// Flows: create, change, delete, list. Deleting a flow also removes its run
// history folder. Later services (scheduler, sessions) listen for changes.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Flow, FlowChanges, NewFlow } from '../contract/api'
import type { Logger } from '../log'
import { DocumentStore } from '../storage/document-store'
import type { FileWriteQueue } from '../storage/write-queue'
import { decodeWith } from '../schema'
import { storedTimestamp } from '../time'
import { summarize } from '../contract/flow-summary'
import { storedFlowSchema } from './model'

export type FlowChange =
  | { kind: 'created'; flow: Flow }
  | { kind: 'updated'; flow: Flow; previous: Flow }
  | { kind: 'deleted'; flow: Flow }

export class FlowStore {
  private readonly store: DocumentStore<Flow>
  private readonly listeners = new Set<(change: FlowChange) => void>()

  constructor(
    flowsDir: string,
    private readonly runsDir: string,
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
    this.emit({ kind: 'created', flow })
    return flow
  }

  /** Present fields replace the stored ones wholesale; `updated_at` moves on every call. */
  async update(id: string, changes: FlowChanges): Promise<Flow | undefined> {
    const previous = this.store.get(id)
    if (!previous) return undefined
    const flow: Flow = {
      ...previous,
      name: changes.name ?? previous.name,
      description: changes.description ?? previous.description,
      enabled: changes.enabled ?? previous.enabled,
      nodes: changes.nodes ?? previous.nodes,
      edges: changes.edges ?? previous.edges,
      updated_at: storedTimestamp(),
    }
    await this.store.save(flow)
    this.emit({ kind: 'updated', flow, previous })
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
    await rm(join(this.runsDir, id), { recursive: true, force: true })
    this.emit({ kind: 'deleted', flow })
    return flow
  }

  /** Returns the unsubscribe function. */
  onChange(listener: (change: FlowChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(change: FlowChange): void {
    for (const listener of this.listeners) listener(change)
  }
}
