// All interact sessions in memory, saved whole to `<data dir>/sessions.yaml`
// through the atomic, coalescing write queue (so concurrent saves can never
// interleave or land out of order — §13.12).
import { readFile } from 'node:fs/promises'
import { parse, stringify } from 'yaml'
import type { Logger } from '../log'
import type { FileWriteQueue } from '../storage/write-queue'
import { parseSessionsDocument, type FlowSessions, type InteractSession } from './model'

/** What only a running app knows about a session. */
export interface SessionState {
  busy: boolean
  activePid: number | null
}

export class SessionStore {
  private readonly entries = new Map<string, FlowSessions>()
  private readonly states = new Map<string, SessionState>()

  constructor(
    private readonly file: string,
    private readonly writer: FileWriteQueue,
    private readonly log: Logger,
  ) {}

  async load(): Promise<number> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn(`cannot read ${this.file}: ${(error as Error).message}; starting with no sessions`)
      return 0
    }
    try {
      const { format, entries } = parseSessionsDocument(parse(text))
      for (const [key, entry] of entries) this.entries.set(key, entry)
      if (format === 'legacy') this.log.info(`${this.file} is in the legacy format; it is rewritten in the current one at the next save`)
    } catch (error) {
      this.log.warn(`skipping ${this.file}: ${(error as Error).message}`)
    }
    return this.entries.size
  }

  get(key: string): FlowSessions | undefined {
    return this.entries.get(key)
  }

  /** The session with this id, in whichever chat it is. */
  findSession(sessionId: string): InteractSession | undefined {
    for (const entry of this.entries.values()) {
      const session = entry.sessions.find((s) => s.session_id === sessionId)
      if (session) return session
    }
    return undefined
  }

  set(key: string, entry: FlowSessions): void {
    this.entries.set(key, entry)
  }

  /** Removes whole entries; returns the sessions they held. */
  removeKeys(matches: (key: string) => boolean): InteractSession[] {
    const removed: InteractSession[] = []
    for (const [key, entry] of this.entries) {
      if (!matches(key)) continue
      removed.push(...entry.sessions)
      this.entries.delete(key)
    }
    for (const session of removed) this.states.delete(session.session_id)
    return removed
  }

  forgetState(sessionId: string): void {
    this.states.delete(sessionId)
  }

  state(sessionId: string): SessionState {
    let state = this.states.get(sessionId)
    if (!state) {
      state = { busy: false, activePid: null }
      this.states.set(sessionId, state)
    }
    return state
  }

  isBusy(sessionId: string): boolean {
    return this.states.get(sessionId)?.busy ?? false
  }

  /** Writes the whole map; resolves once it (or a newer snapshot) is on disk. Never throws. */
  async save(): Promise<void> {
    const document = { sessions: Object.fromEntries(this.entries) }
    try {
      await this.writer.write(this.file, stringify(document))
    } catch (error) {
      this.log.error(`could not save ${this.file}: ${(error as Error).message}`)
    }
  }
}
