// Defects found by probing the server from outside (issue 11, items 2-8): each
// reproduced here over a real socket or a real data dir, so it stays fixed.
import { chmod, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, startTestServer, type TestServer } from '../support/server'
import { openSse } from '../support/sse-client'
import { node, runHelpers, untilEnd } from '../support/run-flows'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})

async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer(overrides)
  servers.push(s)
  return s
}

interface RawAnswer {
  /** Everything the server sent before closing the connection. */
  text: string
  status: number
  body: string
}

/** Sends raw bytes and collects the answer until the server closes the connection. */
function rawExchange(url: string, bytes: string, keepOpen = false): { socket: Socket; answer: Promise<RawAnswer> } {
  const { hostname, port } = new URL(url)
  const socket = connect(Number(port), hostname)
  socket.write(bytes)
  if (!keepOpen) socket.end()
  const answer = new Promise<RawAnswer>((done, fail) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', fail)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      done({ text, status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
  })
  return { socket, answer }
}

describe('deeply nested JSON', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
  const flowWithConfig = (config: string) => `{"name":"Deep","nodes":[{"id":"x","node_type":"executor","kind":"claude-code","position":{"x":0,"y":0},"label":"X","config":{"prompt":"p","deep":${config}}}]}`

  it('is refused with a 422 naming the limit, and nothing is stored', async () => {
    const s = await server()
    for (const depth of [300, 5_000, 100_000]) {
      const res = await s.request('/api/flows', { method: 'POST', body: flowWithConfig(nested(depth)), headers: { 'content-type': 'application/json' } })
      expect(res.status, `depth ${depth}`).toBe(422)
      expect(res.json()).toEqual({ error: 'invalid request body: JSON nested deeper than 200 levels' })
    }
    expect((await s.request('/api/flows')).json<{ flows: unknown[] }>().flows).toEqual([])
    expect(await readdir(join(s.dataDir, 'flows'))).toEqual([])
    // The trigger reads its body without a JSON content type: refused there too.
    const flowId = (await s.request('/api/flows', { method: 'POST', body: { name: 'Shallow', nodes: [] } })).json<{ id: string }>().id
    const trigger = await s.request(`/api/flows/${flowId}/trigger`, { method: 'POST', body: nested(5_000), headers: { 'content-type': 'text/plain' } })
    expect(trigger.status).toBe(422)
  })

  it('is accepted up to the limit', async () => {
    const s = await server()
    const res = await s.request('/api/flows', { method: 'POST', body: flowWithConfig(nested(190)), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(201)
  })
})

describe('requests Node itself refuses are answered in JSON', () => {
  it('a request without Host is a 400 with a JSON body', async () => {
    const s = await server()
    const { answer } = rawExchange(s.url, 'GET /health HTTP/1.1\r\nConnection: close\r\n\r\n')
    const { status, body, text } = await answer
    expect(status).toBe(400)
    expect(text.toLowerCase()).toContain('content-type: application/json')
    expect(JSON.parse(body)).toEqual({ error: 'missing Host header' })
  })

  it('a malformed request is a 400 with a JSON body', async () => {
    const s = await server()
    const { answer } = rawExchange(s.url, 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n')
    const { status, body } = await answer
    expect(status).toBe(400)
    expect(JSON.parse(body)).toEqual({ error: 'malformed HTTP request' })
  })

  it('a malformed HEAD request is a 400 without a body (found by the hostile-input suite)', async () => {
    const s = await server()
    const { answer } = rawExchange(s.url, `HEAD /api/flows/\u00e9 HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\n\r\n`)
    const { status, body } = await answer
    expect(status).toBe(400)
    expect(body).toBe('')
  })
})

describe('requests that never finish arriving', () => {
  const timeouts = { requestTimeoutMs: 400, headersTimeoutMs: 200 }

  it('a body shorter than its Content-Length gets a 408 and the connection closes', async () => {
    const s = await server(timeouts)
    const host = new URL(s.url).host
    const { answer } = rawExchange(s.url, `POST /api/flows HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":`, true)
    const { status, body } = await answer
    expect(status).toBe(408)
    expect(JSON.parse(body)).toEqual({ error: 'the request was not received in time' })
    expect((await s.request('/api/flows')).json<{ flows: unknown[] }>().flows).toEqual([])
  })

  it('headers that never end get a 408 too', async () => {
    const s = await server(timeouts)
    const { answer } = rawExchange(s.url, `GET /health HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\nX-Slow: `, true)
    expect((await answer).status).toBe(408)
  })

  it('an SSE stream is a long response, not a long request: it outlives the timeout', async () => {
    const s = await server(timeouts)
    const { createFlow, trigger } = runHelpers(() => s)
    const flowId = await createFlow({ name: 'Quiet', nodes: [node('t', 'trigger', 'manual', {})] })
    const stream = openSse(s.url, `/api/flows/${flowId}/runs/live`, { token: s.token })
    expect(await stream.status).toBe(200)
    // A stalled request opened after the stream gets its 408 only once Node's
    // check has looked at every connection, the older stream included.
    const { answer } = rawExchange(s.url, `GET /health HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\n`, true)
    expect((await answer).status).toBe(408)
    await trigger(flowId)
    expect((await untilEnd(stream)).length).toBeGreaterThan(0)
    stream.abort()
  })
})

describe('the UI cannot be framed', () => {
  it('sends frame-ancestors none and X-Frame-Options DENY with every /app/ file', async () => {
    const s = await server({ rendererDir: resolve('out/renderer') })
    for (const path of ['/app/', '/app/index.html']) {
      const page = await s.request(path, { auth: false })
      expect(page.status, path).toBe(200)
      expect(page.headers['x-frame-options'], path).toBe('DENY')
      expect(page.headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    }
  })
})

describe('the data dir at start', () => {
  it('tightens a data dir and token file others can read, and says so', async () => {
    const dataDir = await makeTempDir()
    await chmod(dataDir, 0o755)
    await writeFile(join(dataDir, 'api-token'), 'a-token-that-is-long-enough-0123456789abcdef\n', { mode: 0o644 })
    await chmod(join(dataDir, 'api-token'), 0o644)
    const s = await server({ dataDir })
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700)
    expect((await stat(join(dataDir, 'api-token'))).mode & 0o777).toBe(0o600)
    const warnings = s.log.lines.join('\n')
    expect(warnings).toContain('(mode 0755); changed to 0700')
    expect(warnings).toContain('(mode 0644); changed to 0600')
    expect(s.token).toBe('a-token-that-is-long-enough-0123456789abcdef')
  })

  it('removes temp files a crash left in the data dir itself', async () => {
    const dataDir = await makeTempDir()
    const stale = ['.sessions.yaml.123.abcdef.tmp', '.claude-children.json.9.0a0a0a.tmp', '.window-state.json.5.ffffff.tmp']
    for (const name of [...stale, 'notes.tmp']) await writeFile(join(dataDir, name), 'half')
    await server({ dataDir })
    const names = await readdir(dataDir)
    for (const name of stale) expect(names).not.toContain(name)
    expect(names).toContain('notes.tmp')
  })

  it('removes the runs of a flow whose delete a crash cut short', async () => {
    const s = await server()
    const { createFlow, trigger, runsOf, live } = runHelpers(() => s)
    const kept = await createFlow({ name: 'Kept', nodes: [node('t', 'trigger', 'manual', {})] })
    const gone = await createFlow({ name: 'Gone', nodes: [node('t', 'trigger', 'manual', {})] })
    for (const flowId of [kept, gone]) {
      const stream = await live(flowId)
      await trigger(flowId)
      await untilEnd(stream)
      stream.abort()
    }
    await s.backend.close()
    // What a crash between the two steps of a flow delete leaves: the flow file gone, its runs not.
    await rm(join(s.dataDir, 'flows', `${gone}.json`))
    expect(await readdir(join(s.dataDir, 'runs', gone))).toHaveLength(1)
    await s.restart()
    expect(await readdir(join(s.dataDir, 'runs'))).toEqual([kept])
    expect(await runsOf(gone)).toEqual([])
    expect(await runsOf(kept)).toHaveLength(1)
    expect(s.log.lines.join('\n')).toContain(`removing the runs of flow ${gone}, which no longer exists`)
  })
})
