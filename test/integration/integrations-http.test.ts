import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, requestJson, requestText } from '../../src-main/integrations/http'
import { rssSource } from '../../src-main/integrations/rss'
import { fakeContext } from '../fixtures/fake-context'
import { deadUrl, sendLater, sendText, startFake, type FakeServer } from '../fixtures/fake-http'

const words = 'compressed words '.repeat(100)
/** Path → content-encoding and body. */
const packers: Record<string, [string, Buffer]> = {
  gzip: ['gzip', gzipSync(words)],
  br: ['br', brotliCompressSync(words)],
  deflate: ['deflate', deflateSync(words)],
  'bare-deflate': ['deflate', deflateRawSync(words)],
  // 10 MB of zeros packs into about 10 KB.
  bomb: ['gzip', gzipSync(Buffer.alloc(10_000_000))],
  twice: ['gzip, br', brotliCompressSync(gzipSync(words))],
}

let server: FakeServer
/** How many times /slow answered (3 s late; a client that gave up gets nothing). */
let slowAnswers = 0
beforeAll(async () => {
  server = await startFake((req, res) => {
    if (req.url.pathname === '/slow') return sendLater(res, 3_000, () => (slowAnswers++, sendText(res, 200, 'late')))
    if (req.url.pathname === '/big') return sendText(res, 200, 'x'.repeat(5_000))
    if (req.url.pathname === '/redirect') {
      res.writeHead(302, { location: '/text' })
      return void res.end()
    }
    if (req.url.pathname === '/text') return sendText(res, 200, 'plain words')
    const packed = packers[req.url.pathname.slice(1)]
    if (packed) {
      // Only when asked for, as a real server would.
      if (!/gzip/.test(String(req.headers['accept-encoding']))) return sendText(res, 406, 'ask for compression')
      const [encoding, body] = packed
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': encoding, 'content-length': body.length })
      return void res.end(body)
    }
    sendText(res, 503, 'Service\n  Unavailable')
  })
})
afterAll(() => server.close())

/** The whole message, not just a part of it. */
const exactly = (message: string) => new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

describe('outbound HTTP', () => {
  it('follows redirects and returns the body', async () => {
    expect(await requestText(`${server.url}/redirect`)).toBe('plain words')
  })

  it('names the request and the status, with a one-line excerpt of the answer', async () => {
    await expect(requestText(`${server.url}/down`)).rejects.toThrow(exactly(`GET ${server.url}/down failed: HTTP 503: Service Unavailable`))
    await expect(request(`${server.url}/down`, { method: 'POST', json: {} })).rejects.toMatchObject({ status: 503 })
  })

  it('times out with the limit in the message', async () => {
    const answered = slowAnswers
    await expect(requestText(`${server.url}/slow`, { timeoutMs: 200 })).rejects.toThrow(exactly(`GET ${server.url}/slow failed: timed out after 0.2 s`))
    // It gave up before the server answered.
    expect(slowAnswers).toBe(answered)
  })

  it('stops at an outer deadline shared by several requests', async () => {
    await expect(requestText(`${server.url}/slow`, { timeoutMs: 5_000, signal: AbortSignal.timeout(150) })).rejects.toThrow('failed: overall time limit reached')
  })

  it('reports refused connections by their code', async () => {
    const url = await deadUrl()
    await expect(requestText(url)).rejects.toThrow(new RegExp(`^GET ${url} failed: ECONNREFUSED`))
  })

  it('refuses bodies over the size limit and answers that are not JSON', async () => {
    await expect(requestText(`${server.url}/big`, { maxBytes: 1_000 })).rejects.toThrow('failed: the answer is larger than 1000 bytes')
    await expect(requestJson(`${server.url}/text`)).rejects.toThrow(`GET ${server.url}/text failed: the answer is not JSON`)
  })

  it('asks for and decodes compressed answers (gzip, br, deflate bare or wrapped, several in a row)', async () => {
    for (const path of ['gzip', 'br', 'deflate', 'bare-deflate', 'twice']) expect(await requestText(`${server.url}/${path}`), path).toBe(words)
  })

  it('applies the size limit to what a compressed answer expands to', async () => {
    expect((await request(`${server.url}/bomb`)).body.length).toBe(10_000_000)
    await expect(requestText(`${server.url}/bomb`, { maxBytes: 1_000_000 })).rejects.toThrow(exactly(`GET ${server.url}/bomb failed: the answer is larger than 1000000 bytes`))
  })

  it('gives the answer\'s headers as fetch does', async () => {
    const answer = await request(`${server.url}/gzip`)
    expect(answer.headers.get('content-type')).toBe('text/plain')
    expect(answer.status).toBe(200)
  })

  it('shows a label instead of a secret URL', async () => {
    await expect(requestText(`${server.url}/down?token=abc`, { label: 'Slack webhook' })).rejects.toThrow(exactly('GET Slack webhook failed: HTTP 503: Service Unavailable'))
  })

  it('a failing source rejects with that message, which the runner logs as zero items', async () => {
    const url = await deadUrl()
    await expect(rssSource.fetch(rssSource.parse({ url: `${url}/feed.xml` }), fakeContext())).rejects.toThrow(`GET ${url}/feed.xml failed: ECONNREFUSED`)
  })
})
