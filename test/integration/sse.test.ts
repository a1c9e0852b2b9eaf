// The shared SSE writer over a real socket: framing, keep-alive, close paths.
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KEEP_ALIVE_MS, SseStreams, type SseStream } from '../../src-main/http/sse'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function serveStream(keepAliveMs: number, onStream: (stream: SseStream) => void) {
  const streams = new SseStreams(keepAliveMs)
  const app = Fastify()
  app.get('/events', async (_request, reply) => onStream(streams.start(reply)))
  await app.listen({ port: 0, host: '127.0.0.1' })
  cleanups.push(async () => {
    streams.closeAll()
    await app.close()
  })
  return { streams, port: (app.server.address() as AddressInfo).port }
}

function read(port: number) {
  let text = ''
  const chunks: string[] = []
  const ended = new Promise<void>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/events' }, (res) => {
      expect(res.headers['content-type']).toBe('text/event-stream')
      expect(res.headers['cache-control']).toBe('no-cache')
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
        chunks.push(chunk)
      })
      res.on('end', resolve)
      res.on('close', resolve)
    })
    // Aborting before the response headers arrive (a loaded machine) makes the request fail
    // with "socket hang up": for these tests that is the stream ending, not an error.
    req.on('error', () => resolve())
    req.end()
    cleanups.push(async () => void req.destroy())
  })
  return { text: () => text, chunks, ended, abort: () => cleanups.at(-1)!() }
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('SseStream', () => {
  it('delivers each event as it is sent, then ends when closed', async () => {
    let stream!: SseStream
    const { port } = await serveStream(60_000, (s) => (stream = s))
    const client = read(port)
    await until(() => stream !== undefined)
    stream.send({ event: 'system', data: '{"message":"Ready"}', id: 1 })
    await until(() => client.text().includes('Ready'))
    expect(client.text()).toBe('event: system\nid: 1\ndata: {"message":"Ready"}\n\n')
    stream.sendAll([{ event: 'text', data: 'a', id: 2 }, { event: 'done', data: '{}', id: 3 }])
    stream.close()
    await client.ended
    expect(client.text()).toContain('event: done\nid: 3\ndata: {}\n\n')
    expect(stream.send({ data: 'late' })).toBe(false)
  })

  it('sends a keep-alive comment when quiet, and not while events flow', async () => {
    let stream!: SseStream
    const { port } = await serveStream(KEEP_ALIVE_MS, (s) => (stream = s))
    // Only the stream's own interval runs on the fake clock; sockets keep real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const client = read(port)
      await until(() => stream !== undefined)
      vi.advanceTimersByTime(KEEP_ALIVE_MS)
      await until(() => client.text() === ':\n\n')
      // An event just before every deadline: the comment is never due.
      for (let i = 0; i < 6; i++) {
        vi.advanceTimersByTime(KEEP_ALIVE_MS - 1)
        stream.send({ data: String(i) })
      }
      await until(() => client.text().includes('data: 5'))
      expect(client.text().split(':\n\n')).toHaveLength(2)
      // Quiet for a whole interval again: one more comment.
      vi.advanceTimersByTime(KEEP_ALIVE_MS)
      await until(() => client.text().endsWith('data: 5\n\n:\n\n'))
    } finally {
      vi.useRealTimers()
    }
  })

  it('runs close listeners when the client goes away, and forgets the stream', async () => {
    let stream!: SseStream
    const { port, streams } = await serveStream(60_000, (s) => (stream = s))
    const client = read(port)
    await until(() => stream !== undefined)
    expect(streams.size).toBe(1)
    let closed = 0
    stream.onClose(() => closed++)
    await client.abort()
    await until(() => closed === 1)
    expect(stream.closed).toBe(true)
    expect(streams.size).toBe(0)
  })

  it('closeAll ends every open stream (server shutdown)', async () => {
    let opened = 0
    const { port, streams } = await serveStream(60_000, () => opened++)
    const clients = [read(port), read(port)]
    await until(() => opened === 2)
    streams.closeAll()
    await Promise.all(clients.map((c) => c.ended))
    expect(streams.size).toBe(0)
  })
})
