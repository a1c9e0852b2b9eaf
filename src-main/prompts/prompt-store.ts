// The prompt library (§11): saved prompt templates, one file each.
import { randomUUID } from 'node:crypto'
import type { NewPrompt, PromptChanges, SavedPrompt } from '../contract/api'
import type { Logger } from '../log'
import { DocumentStore } from '../storage/document-store'
import type { FileWriteQueue } from '../storage/write-queue'
import { decodeWith } from '../schema'
import { storedTimestamp } from '../time'
import { storedPromptSchema } from './model'

export class PromptStore {
  private readonly store: DocumentStore<SavedPrompt>

  constructor(promptsDir: string, writer: FileWriteQueue, log: Logger) {
    this.store = new DocumentStore(promptsDir, writer, decodeWith(storedPromptSchema), log)
  }

  load(): Promise<number> {
    return this.store.load()
  }

  get(id: string): SavedPrompt | undefined {
    return this.store.get(id)
  }

  getJson(id: string): string | undefined {
    return this.store.json(id)
  }

  listJson(): string {
    return this.store.listJson('all', (prompts) => ({ prompts }))
  }

  async create(input: NewPrompt): Promise<SavedPrompt> {
    const prompt: SavedPrompt = {
      id: randomUUID(),
      title: input.title,
      summary: input.summary,
      source_flow_name: input.source_flow_name ?? '',
      tags: input.tags ?? [],
      created_at: storedTimestamp(),
    }
    await this.store.save(prompt)
    return prompt
  }

  async update(id: string, changes: PromptChanges): Promise<SavedPrompt | undefined> {
    const previous = this.store.get(id)
    if (!previous) return undefined
    const prompt: SavedPrompt = {
      ...previous,
      title: changes.title ?? previous.title,
      summary: changes.summary ?? previous.summary,
      tags: changes.tags ?? previous.tags,
    }
    await this.store.save(prompt)
    return prompt
  }

  async delete(id: string): Promise<boolean> {
    return (await this.store.remove(id)) !== undefined
  }
}
