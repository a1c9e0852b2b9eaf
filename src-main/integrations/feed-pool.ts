// A small pool of worker threads that parse feeds off the main thread. Workers
// start on first use and do not keep the process alive. Where no worker can be
// started, feeds are parsed on the main thread as before — same items, same errors.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { feedItems } from './feed-items'
import type { FeedAnswer, FeedJob } from './feed-worker'
import type { Item } from './types'

/** 64 K characters parse in about a millisecond; longer documents go to a worker. */
export const INLINE_BELOW = 64 * 1024

interface Pending {
  job: FeedJob
  resolve: (items: Item[]) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  /** Jobs posted to this worker and not answered yet. */
  jobs: Map<number, Pending>
  /** Has answered at least once (a worker that dies before that cannot start here). */
  proven: boolean
}

/**
 * How to start the worker: the built `feed-worker.js` next to this bundle
 * (electron-vite builds it as its own entry), or — running from sources under
 * tsx or vitest — the .ts entry loaded through tsx's loader.
 */
function startWorker(): Worker | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const entry = new URL('./feed-worker.ts', here).href
    // tsx's ESM API (the `import` side of its `./esm/api` export), found from its package root.
    let tsx: string
    try {
      tsx = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href
    } catch {
      return null
    }
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(boot, { eval: true })
  }
  for (const candidate of ['./feed-worker.js', '../feed-worker.js']) {
    const url = new URL(candidate, here)
    if (existsSync(fileURLToPath(url))) return new Worker(url)
  }
  return null
}

export class FeedParserPool {
  private readonly slots: Slot[] = []
  private nextId = 1
  private unavailable = false

  /**
   * @param inlineBelow documents shorter than this (in characters) are parsed
   *   here: a typical feed of a few kilobytes parses in a tenth of a millisecond,
   *   less than handing it to a worker costs, and never holds up the event loop.
   */
  constructor(
    private readonly size = Math.max(1, Math.min(4, availableParallelism())),
    private readonly inlineBelow = INLINE_BELOW,
  ) {}

  /** The first `limit` items of a feed document; rejects like feedItems does. */
  parse(xml: string, limit: number): Promise<Item[]> {
    if (this.unavailable || xml.length < this.inlineBelow) return parseHere(xml, limit)
    return new Promise((resolve, reject) => this.dispatch({ job: { id: this.nextId++, xml, limit }, resolve, reject }))
  }

  /** Workers started so far (tests, diagnostics). */
  get workerCount(): number {
    return this.slots.length
  }

  /** Ends the workers (tests; the app lets them die with the process). */
  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()))
  }

  /**
   * Posts the job at once to an idle worker, a new one, or the least busy: its
   * port queues the job, so a worker goes from one document to the next without
   * waiting for the main thread to hand it out.
   */
  private dispatch(pending: Pending): void {
    const slot = this.slots.find((s) => s.jobs.size === 0) ?? this.grow() ?? this.leastBusy()
    if (!slot) {
      parseHere(pending.job.xml, pending.job.limit).then(pending.resolve, pending.reject)
      return
    }
    slot.jobs.set(pending.job.id, pending)
    slot.worker.ref()
    slot.worker.postMessage(pending.job)
  }

  private leastBusy(): Slot | null {
    return this.slots.reduce<Slot | null>((best, slot) => (best === null || slot.jobs.size < best.jobs.size ? slot : best), null)
  }

  private grow(): Slot | null {
    if (this.slots.length >= this.size || this.unavailable) return null
    let worker: Worker | null
    try {
      worker = startWorker()
    } catch {
      worker = null
    }
    if (!worker) {
      this.fallBack([])
      return null
    }
    // An idle worker never keeps the process alive; dispatch() refs it while it has jobs.
    worker.unref()
    const slot: Slot = { worker, jobs: new Map(), proven: false }
    worker.on('message', (answer: FeedAnswer) => {
      slot.proven = true
      const pending = slot.jobs.get(answer.id)
      slot.jobs.delete(answer.id)
      if (slot.jobs.size === 0) worker.unref()
      if (!pending) return
      if ('error' in answer) pending.reject(new Error(answer.error))
      else pending.resolve(answer.items)
    })
    // A worker that cannot run (or dies) hands its jobs to the others, or to the main thread.
    worker.on('error', () => this.drop(slot))
    worker.on('exit', () => this.drop(slot))
    this.slots.push(slot)
    return slot
  }

  private drop(slot: Slot): void {
    const index = this.slots.indexOf(slot)
    if (index === -1) return
    this.slots.splice(index, 1)
    const orphans = [...slot.jobs.values()]
    slot.jobs.clear()
    // Never respawn in a loop: a worker that could not even start means workers do not work here.
    if (!slot.proven || this.slots.length === 0) this.fallBack(orphans)
    else for (const pending of orphans) this.dispatch(pending)
  }

  /** From now on every document is parsed on the main thread, the jobs in flight included. */
  private fallBack(orphans: Pending[]): void {
    this.unavailable = true
    const pending = [...orphans]
    for (const slot of this.slots.splice(0)) {
      pending.push(...slot.jobs.values())
      void slot.worker.terminate()
    }
    for (const { job, resolve, reject } of pending) parseHere(job.xml, job.limit).then(resolve, reject)
  }
}

function parseHere(xml: string, limit: number): Promise<Item[]> {
  try {
    return Promise.resolve(feedItems(xml, limit))
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

/** The app's one pool. */
export const feedParsers = new FeedParserPool()
