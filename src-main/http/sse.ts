// The one Server-Sent Events writer every stream route uses (§5.1, §15.5):
// `event:`, `id:` and `data:` lines with exactly one space after the colon,
// multi-line payloads split into several `data:` lines, `\n` endings, and a
// `:` keep-alive comment whenever the stream has been quiet for 15 s.
import type { ServerResponse } from 'node:http'
import type { FastifyReply } from 'fastify'

export const KEEP_ALIVE_MS = 15_000

export interface SseEvent {
  /** Event name; omitted for unnamed (`message`) events. */
  event?: string
  data: string
  id?: string | number
}

/** One event as wire text. An empty payload writes no `data:` line at all. */
export function formatSseEvent({ event, data, id }: SseEvent): string {
  let frame = ''
  if (event !== undefined) frame += `event: ${event}\n`
  if (id !== undefined) frame += `id: ${id}\n`
  if (data !== '') {
    for (const line of data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`
  }
  return `${frame}\n`
}

export class SseStream {
  private ended = false
  private readonly keepAlive: NodeJS.Timeout | null
  private readonly closeListeners = new Set<() => void>()

  constructor(
    private readonly res: ServerResponse,
    keepAliveMs: number | null,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    res.flushHeaders()
    this.keepAlive = keepAliveMs === null ? null : setInterval(() => this.write(':\n\n'), keepAliveMs)
    this.keepAlive?.unref()
    res.on('close', () => this.finish())
  }

  get closed(): boolean {
    return this.ended
  }

  /** Returns false when the client is gone (the event was dropped). */
  send(event: SseEvent): boolean {
    if (this.ended) return false
    this.write(formatSseEvent(event))
    this.keepAlive?.refresh()
    return true
  }

  /** Writes a batch of events in one socket write. */
  sendAll(events: readonly SseEvent[]): boolean {
    if (this.ended) return false
    let text = ''
    for (const event of events) text += formatSseEvent(event)
    if (text !== '') this.write(text)
    this.keepAlive?.refresh()
    return true
  }

  /** Runs once when the stream ends, whoever ends it. Returns the unsubscribe function. */
  onClose(listener: () => void): () => void {
    if (this.ended) {
      listener()
      return () => undefined
    }
    this.closeListeners.add(listener)
    return () => this.closeListeners.delete(listener)
  }

  close(): void {
    if (this.ended) return
    this.res.end()
    this.finish()
  }

  private corked = false

  /** Events written in the same tick leave in one socket write. */
  private write(text: string): void {
    if (this.ended || this.res.writableEnded) return
    if (!this.corked) {
      this.corked = true
      this.res.cork()
      process.nextTick(() => {
        this.corked = false
        this.res.uncork()
      })
    }
    this.res.write(text)
  }

  private finish(): void {
    if (this.ended) return
    this.ended = true
    if (this.keepAlive) clearInterval(this.keepAlive)
    for (const listener of this.closeListeners) listener()
    this.closeListeners.clear()
  }
}

/** Every open stream of one server, so shutdown can end them all. */
export class SseStreams {
  private readonly open = new Set<SseStream>()

  constructor(private readonly keepAliveMs: number | null = KEEP_ALIVE_MS) {}

  /** Takes over the reply's socket and starts an event stream on it. */
  start(reply: FastifyReply, options: { keepAlive?: boolean } = {}): SseStream {
    reply.hijack()
    const stream = new SseStream(reply.raw, options.keepAlive === false ? null : this.keepAliveMs)
    this.open.add(stream)
    stream.onClose(() => this.open.delete(stream))
    return stream
  }

  get size(): number {
    return this.open.size
  }

  closeAll(): void {
    for (const stream of [...this.open]) stream.close()
  }
}
