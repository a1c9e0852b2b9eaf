// A loopback TCP proxy in front of the backend that a test can cut, to drop
// a stream mid-way, and that shows the request head of every connection
// (to see Last-Event-ID) and how many are open.
import { createServer, connect, type Server, type Socket } from 'node:net'

export interface CuttableProxy {
  url: string
  port: number
  /** The request line and headers of each connection, in order. */
  heads: string[]
  openCount(): number
  /** Drops every open connection (both sides). */
  cut(): void
  close(): Promise<void>
}

/** `targetPort` is read per connection, so the proxy can start before the server it fronts. */
export async function startProxy(targetPort: () => number): Promise<CuttableProxy> {
  const open = new Set<Socket>()
  const heads: string[] = []
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort(), '127.0.0.1')
    open.add(client)
    let head = ''
    client.on('data', (chunk: Buffer) => {
      if (!head.includes('\r\n\r\n')) {
        head += chunk.toString('latin1')
        if (head.includes('\r\n\r\n')) heads.push(head.slice(0, head.indexOf('\r\n\r\n')))
      }
    })
    client.pipe(upstream)
    upstream.pipe(client)
    const end = (): void => {
      open.delete(client)
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end)
    client.on('error', end)
    upstream.on('close', end)
    upstream.on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no proxy port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    heads,
    openCount: () => open.size,
    cut: () => {
      for (const socket of [...open]) socket.destroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of [...open]) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A header's value in a raw request head (case-insensitive name). */
export function headerIn(head: string, name: string): string | null {
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name.toLowerCase()) return line.slice(colon + 1).trim()
  }
  return null
}
