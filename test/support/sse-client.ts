// Reads an SSE response over real HTTP and parses it with eventsource-parser.
import { request } from 'node:http'
import { createParser } from 'eventsource-parser'

export interface ReceivedEvent {
  event: string
  data: string
  id: string | undefined
  /** ms since the request was sent */
  at: number
}

export interface SseCall {
  status: Promise<number>
  /** Error body when the server answered with something else than a stream. */
  body: Promise<string>
  events: ReceivedEvent[]
  /** Resolves when the server ends the response (or it is aborted). */
  ended: Promise<void>
  /** Once ended: true when the server finished the response, false when the connection dropped. */
  finished: Promise<boolean>
  /** Resolves at the first event with this name. */
  waitFor(name: string, timeoutMs?: number): Promise<ReceivedEvent>
  abort(): void
}

export function openSse(base: string, path: string, options: { method?: string; token?: string; body?: object; headers?: Record<string, string> } = {}): SseCall {
  const url = new URL(base)
  const started = performance.now()
  const events: ReceivedEvent[] = []
  const waiters: { name: string; resolve: (event: ReceivedEvent) => void }[] = []
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
  let resolveStatus!: (status: number) => void
  let resolveBody!: (body: string) => void
  let resolveEnded!: () => void
  let resolveFinished!: (whole: boolean) => void
  const status = new Promise<number>((r) => (resolveStatus = r))
  const finished = new Promise<boolean>((r) => (resolveFinished = r))
  const body = new Promise<string>((r) => (resolveBody = r))
  const ended = new Promise<void>((r) => (resolveEnded = r))
  const parser = createParser({
    onEvent: (message) => {
      const event: ReceivedEvent = { event: message.event ?? 'message', data: message.data, id: message.id, at: performance.now() - started }
      events.push(event)
      for (const waiter of waiters.filter((w) => w.name === event.event)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(event)
      }
    },
  })
  const req = request(
    {
      host: url.hostname,
      port: url.port,
      path,
      method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
      agent: false,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
    },
    (res) => {
      resolveStatus(res.statusCode ?? 0)
      res.setEncoding('utf8')
      let text = ''
      res.on('data', (chunk: string) => {
        text += chunk
        if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) parser.feed(chunk)
      })
      const finish = () => {
        resolveFinished(res.complete)
        resolveBody(text)
        resolveEnded()
      }
      res.on('end', finish)
      res.on('close', finish)
    },
  )
  req.on('error', () => {
    resolveStatus(0)
    resolveFinished(false)
    resolveBody('')
    resolveEnded()
  })
  if (payload !== undefined) req.write(payload)
  req.end()
  return {
    status,
    body,
    events,
    ended,
    finished,
    waitFor: (name, timeoutMs = 30_000) => {
      const seen = events.find((event) => event.event === name)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no '${name}' event within ${timeoutMs} ms; got: ${events.map((e) => e.event).join(', ')}`)), timeoutMs)
        waiters.push({ name, resolve: (event) => (clearTimeout(timer), resolve(event)) })
      })
    },
    abort: () => req.destroy(),
  }
}
