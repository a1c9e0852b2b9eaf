// Each chat session's transcript as the client saw it live, kept by the app in
// `<data dir>/transcripts/<session_id>.jsonl`: one JSON entry per line, only
// ever appended (a crash loses at most the last lines, never the file), and
// read back page by page. Entries carry the live stream's event names and data.
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TranscriptEntry, TranscriptEventName, TranscriptPage } from '../contract/api'
import type { TurnEvent } from '../agent/stream-json'
import type { ChatUserData } from '../contract/chat'
import type { Logger } from '../log'
import { storedTimestamp } from '../time'
import { pageOf } from './transcript-page'

interface SessionLog {
  /** Cursor of the next entry; null until read from the file. */
  next: number | null
  /** Lines waiting for the write in flight. */
  queued: TranscriptEntry[]
  /** The current write (and everything before it). */
  writing: Promise<void>
}

export class TranscriptLog {
  private readonly sessions = new Map<string, SessionLog>()
  private ready: Promise<void> | null = null

  constructor(
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** A message the user sent (opens a turn); of its images only type and size are kept. */
  user(sessionId: string, turn: number, data: ChatUserData): void {
    this.add(sessionId, turn, 'user', data)
  }

  /**
   * One event of a live turn. Token deltas are left out (the `text` event
   * after them repeats their text), and so are `status` events: they say what
   * the process was doing at a moment, which history has no use for.
   */
  event(sessionId: string, turn: number, event: TurnEvent): void {
    if (event.event === 'text_delta' || event.event === 'status') return
    this.add(sessionId, turn, event.event, event.data)
  }

  async page(sessionId: string, before: number | undefined, limit: number): Promise<TranscriptPage> {
    await this.sessions.get(sessionId)?.writing
    return pageOf(await this.read(sessionId), before, limit)
  }

  /** Deleting a session (or its flow) deletes its transcript. */
  async remove(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId)
    this.sessions.delete(sessionId)
    await session?.writing
    await rm(this.file(sessionId), { force: true })
  }

  /** Waits until every entry recorded so far is on disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.writing))
  }

  private add(sessionId: string, turn: number, event: TranscriptEventName, data: unknown): void {
    let session = this.sessions.get(sessionId)
    if (!session) {
      session = { next: null, queued: [], writing: Promise.resolve() }
      this.sessions.set(sessionId, session)
    }
    const first = session.queued.length === 0
    session.queued.push({ cursor: '', turn, at: storedTimestamp(), event, data })
    // Entries recorded in one burst leave in one append.
    if (first) session.writing = session.writing.then(() => this.write(sessionId, session))
  }

  private async write(sessionId: string, session: SessionLog): Promise<void> {
    try {
      if (session.next === null) {
        const existing = await this.read(sessionId)
        session.next = existing.length === 0 ? 0 : Number(existing.at(-1)!.cursor) + 1
      }
      const entries = session.queued.splice(0)
      let text = ''
      for (const entry of entries) text += `${JSON.stringify({ ...entry, cursor: String(session.next++) })}\n`
      this.ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined)
      await this.ready
      if (this.sessions.get(sessionId) === session) await appendFile(this.file(sessionId), text)
    } catch (error) {
      session.queued.length = 0
      this.log.warn(`could not append to the transcript of session ${sessionId}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  private async read(sessionId: string): Promise<TranscriptEntry[]> {
    let text: string
    try {
      text = await readFile(this.file(sessionId), 'utf8')
    } catch {
      return []
    }
    const entries: TranscriptEntry[] = []
    for (const line of text.split('\n')) {
      if (line === '') continue
      try {
        entries.push(JSON.parse(line) as TranscriptEntry)
      } catch {
        // A line cut short by a crash: skip it.
      }
    }
    return entries
  }

  private file(sessionId: string): string {
    return join(this.dir, `${sessionId}.jsonl`)
  }
}
