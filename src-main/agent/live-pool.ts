// The live node-chat processes, one per `flow::node::session` (§15.4). A
// process stays warm between turns; it is closed after an idle time, and the
// least recently used idle one is closed when too many are alive. The next
// message to a closed session resumes it in a fresh process.
import type { Logger } from '../log'
import type { ClaudeProcess } from './claude-process'

export interface LiveSession {
  key: string
  process: ClaudeProcess
  busy: boolean
  lastUsed: number
  /** The process's cumulative reported cost so far (for per-turn deltas). */
  reportedTotal: number
  /** What it was started with (processFlags): other settings need another process. */
  flags: string
  idleTimer: NodeJS.Timeout | null
}

export interface PoolLimits {
  maxLive: number
  idleMs: number
}

export function poolKey(flowId: string, nodeId: string, sessionId: string): string {
  return `${flowId}::${nodeId}::${sessionId}`
}

export class LivePool {
  private readonly entries = new Map<string, LiveSession>()

  constructor(
    private readonly limits: PoolLimits,
    private readonly log: Logger,
  ) {}

  get size(): number {
    return this.entries.size
  }

  get(key: string): LiveSession | undefined {
    const entry = this.entries.get(key)
    if (entry?.process.hasExited) {
      this.forget(entry)
      return undefined
    }
    return entry
  }

  /** Adds a freshly spawned process (busy), making room first if needed. */
  add(key: string, process: ClaudeProcess, flags = ''): LiveSession {
    this.makeRoom()
    const entry: LiveSession = { key, process, busy: true, lastUsed: Date.now(), reportedTotal: 0, flags, idleTimer: null }
    this.entries.set(key, entry)
    void process.exited.then(() => {
      if (this.entries.get(key) === entry) this.forget(entry)
    })
    return entry
  }

  setBusy(entry: LiveSession, busy: boolean): void {
    entry.busy = busy
    entry.lastUsed = Date.now()
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    entry.idleTimer = null
    if (!busy && this.entries.get(entry.key) === entry) {
      entry.idleTimer = setTimeout(() => {
        this.log.info(`closing idle claude session ${entry.key}`)
        void this.end(entry.key)
      }, this.limits.idleMs)
      entry.idleTimer.unref()
    }
  }

  /** Ends the process of one key (if any) and forgets it. */
  async end(key: string): Promise<void> {
    const entry = this.entries.get(key)
    if (!entry) return
    this.forget(entry)
    await entry.process.kill()
  }

  async endWhere(matches: (key: string) => boolean): Promise<void> {
    await Promise.all([...this.entries.keys()].filter(matches).map((key) => this.end(key)))
  }

  async endAll(): Promise<void> {
    await this.endWhere(() => true)
  }

  private makeRoom(): void {
    while (this.entries.size >= this.limits.maxLive) {
      const idle = [...this.entries.values()].filter((entry) => !entry.busy).sort((a, b) => a.lastUsed - b.lastUsed)[0]
      if (!idle) {
        this.log.warn(`${this.entries.size} claude sessions are busy; starting one more than the limit of ${this.limits.maxLive}`)
        return
      }
      this.log.info(`closing least recently used claude session ${idle.key} (limit ${this.limits.maxLive})`)
      void this.end(idle.key)
    }
  }

  private forget(entry: LiveSession): void {
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key)
  }
}
