// An in-memory collection of JSON documents, one pretty-printed file each.
// Reads never touch the disk; their JSON is cached until the document changes.
// Changes land in memory first (so concurrent partial updates compose) and the
// call settles when the file is durable; if the write fails, memory is rolled
// back unless a newer change has replaced it meanwhile.
import { join } from 'node:path'
import type { Logger } from '../log'
import { isSafeId } from './ids'
import { loadJsonDir, prettyJson, type FileDecoder } from './json-dir'
import type { FileWriteQueue } from './write-queue'

export interface Document {
  id: string
  created_at: string
}

export class DocumentStore<T extends Document> {
  private readonly docs = new Map<string, T>()
  private readonly jsonCache = new Map<string, string>()
  private sorted: T[] | null = null
  private readonly listCache = new Map<string, string>()

  constructor(
    private readonly dir: string,
    private readonly writer: FileWriteQueue,
    private readonly decode: FileDecoder<T>,
    private readonly log: Logger,
  ) {}

  async load(): Promise<number> {
    for (const { path, value } of await loadJsonDir(this.dir, this.decode, this.log)) {
      if (!isSafeId(value.id)) this.log.warn(`skipping ${path}: unsafe id ${JSON.stringify(value.id)}`)
      else if (this.docs.has(value.id)) this.log.warn(`skipping ${path}: id ${value.id} is already loaded from another file`)
      else this.docs.set(value.id, value)
    }
    this.changed()
    return this.docs.size
  }

  get size(): number {
    return this.docs.size
  }

  get(id: string): T | undefined {
    return this.docs.get(id)
  }

  /** Compact JSON of one document, cached. */
  json(id: string): string | undefined {
    let text = this.jsonCache.get(id)
    if (text === undefined) {
      const doc = this.docs.get(id)
      if (!doc) return undefined
      text = JSON.stringify(doc)
      this.jsonCache.set(id, text)
    }
    return text
  }

  /** Every document, oldest first (ties broken by id). */
  all(): readonly T[] {
    this.sorted ??= [...this.docs.values()].sort(
      (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    return this.sorted
  }

  /** A cached JSON rendering of the whole collection, rebuilt after any change. */
  listJson(view: string, render: (docs: readonly T[]) => unknown): string {
    let text = this.listCache.get(view)
    if (text === undefined) {
      text = JSON.stringify(render(this.all()))
      this.listCache.set(view, text)
    }
    return text
  }

  async save(doc: T): Promise<void> {
    const before = this.docs.get(doc.id)
    this.put(doc.id, doc)
    try {
      await this.writer.write(this.pathOf(doc.id), prettyJson(doc))
    } catch (error) {
      if (this.docs.get(doc.id) === doc) this.put(doc.id, before)
      throw error
    }
  }

  async remove(id: string): Promise<T | undefined> {
    const before = this.docs.get(id)
    if (!before) return undefined
    this.put(id, undefined)
    try {
      await this.writer.remove(this.pathOf(id))
    } catch (error) {
      if (!this.docs.has(id)) this.put(id, before)
      throw error
    }
    return before
  }

  pathOf(id: string): string {
    return join(this.dir, `${id}.json`)
  }

  private put(id: string, doc: T | undefined): void {
    if (doc) this.docs.set(id, doc)
    else this.docs.delete(id)
    this.jsonCache.delete(id)
    this.changed()
  }

  private changed(): void {
    this.sorted = null
    this.listCache.clear()
  }
}
