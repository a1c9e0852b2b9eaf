// Serializes every change to one file and coalesces bursts: while a write of a
// file is in flight, further changes replace each other and only the newest one
// is written next. Every caller's promise settles once its state — or a newer
// one — is durably on disk.
import { removeFileDurably, writeFileAtomic } from './atomic-file'

export type FileChange =
  | { kind: 'write'; data: string | Uint8Array; mode?: number }
  | { kind: 'remove' }

interface Job {
  change: FileChange
  settled: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

interface Slot {
  running: Job | null
  next: Job | null
}

export type ApplyChange = (path: string, change: FileChange) => Promise<void>

const applyToDisk: ApplyChange = (path, change) =>
  change.kind === 'write' ? writeFileAtomic(path, change.data, change.mode) : removeFileDurably(path)

export class FileWriteQueue {
  private readonly slots = new Map<string, Slot>()

  constructor(private readonly apply: ApplyChange = applyToDisk) {}

  write(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
    return this.submit(path, mode === undefined ? { kind: 'write', data } : { kind: 'write', data, mode })
  }

  remove(path: string): Promise<void> {
    return this.submit(path, { kind: 'remove' })
  }

  submit(path: string, change: FileChange): Promise<void> {
    let slot = this.slots.get(path)
    if (!slot) {
      slot = { running: null, next: null }
      this.slots.set(path, slot)
    }
    if (slot.next) {
      // Coalesce: the waiting job now carries the newest state for everyone.
      slot.next.change = change
      return slot.next.settled
    }
    const job = newJob(change)
    slot.next = job
    if (!slot.running) void this.pump(path, slot)
    return job.settled
  }

  /** Files with a change written or waiting. */
  get pendingFiles(): number {
    return this.slots.size
  }

  /** Resolves when every change submitted so far (and any coalesced into it) is on disk. */
  async drain(): Promise<void> {
    while (this.slots.size > 0) {
      const waits: Promise<void>[] = []
      for (const slot of this.slots.values()) {
        for (const job of [slot.running, slot.next]) if (job) waits.push(job.settled.catch(() => undefined))
      }
      await Promise.all(waits)
    }
  }

  private async pump(path: string, slot: Slot): Promise<void> {
    while (slot.next) {
      const job = slot.next
      slot.next = null
      slot.running = job
      try {
        await this.apply(path, job.change)
        job.resolve()
      } catch (error) {
        job.reject(error)
      }
    }
    slot.running = null
    this.slots.delete(path)
  }
}

function newJob(change: FileChange): Job {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const settled = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  // A rejected write is reported to its callers; never let it become unhandled here.
  settled.catch(() => undefined)
  return { change, settled, resolve, reject }
}
