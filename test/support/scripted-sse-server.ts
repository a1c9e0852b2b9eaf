// A loopback event-stream server that answers each request with the next step
// of a script (503, or a stream that ends or stays open) and notes when each
// request arrived, so a test can read a client's reconnect waits.
import { createServer, type ServerResponse } from 'node:http'

export type Step =
  | { kind: 'unavailable' }
  /** 200 text/event-stream with one event (and `retry:` if given); `end` closes it after. */
  | { kind: 'stream'; retryMs?: number; end: boolean }

export interface ScriptedSseServer {
  url: string
  /** performance.now() at each request's arrival, in order. */
  arrivals: number[]
  close(): Promise<void>
}

/** Runs `script` one step per request; once it is used up, every stream stays open. */
export async function startScriptedSseServer(script: Step[]): Promise<ScriptedSseServer> {
  const arrivals: number[] = []
  const open = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    arrivals.push(performance.now())
    const step = script[arrivals.length - 1] ?? { kind: 'stream', end: false }
    if (step.kind === 'unavailable') {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'restarting' }))
      return
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const retry = step.retryMs === undefined ? '' : `retry: ${step.retryMs}\n`
    response.write(`${retry}id: ${arrivals.length}\ndata: step ${arrivals.length}\n\n`)
    if (step.end) return void response.end()
    open.add(response)
    request.on('close', () => open.delete(response))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The time between each request and the next. */
export function gaps(arrivals: number[]): number[] {
  return arrivals.slice(1).map((at, i) => at - arrivals[i]!)
}
