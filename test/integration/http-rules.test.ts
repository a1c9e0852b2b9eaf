// Cross-cutting HTTP rules (§0, §1, §15.1, §15.2) through real loopback HTTP.
import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, startTestServer, type TestServer } from '../support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: ['http://localhost:1420'] })
})
afterAll(() => server.stop())

async function listing(dir: string): Promise<string[]> {
  const entries: string[] = []
  for (const name of await readdir(dir, { recursive: true })) entries.push(name)
  return entries.sort()
}

describe('token', () => {
  it('is required on API routes: none → 401 with a JSON error', async () => {
    const res = await server.request('/api/flows', { auth: false })
    expect(res.status).toBe(401)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json()).toEqual({ error: 'missing or invalid token' })
  })

  it('rejects a wrong token and a non-bearer scheme', async () => {
    expect((await server.request('/api/flows', { headers: { authorization: 'Bearer nope' } })).status).toBe(401)
    expect((await server.request('/api/flows', { headers: { authorization: `Basic ${server.token}` } })).status).toBe(401)
  })

  it('is not accepted as a query parameter on ordinary routes', async () => {
    const res = await server.request(`/api/flows?token=${server.token}`, { auth: false })
    expect(res.status).toBe(401)
  })

  it('is not needed for GET /health', async () => {
    const res = await server.request('/health', { auth: false })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('is kept in api-token with mode 0600 and never appears in an error body or log line', async () => {
    const file = join(server.dataDir, 'api-token')
    expect((await readFile(file, 'utf8')).trim()).toBe(server.token)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(server.token.length).toBeGreaterThanOrEqual(43)
    const res = await server.request('/api/flows/nope', { method: 'PUT', body: '{bad' })
    expect(res.text).not.toContain(server.token)
    expect(server.log.lines.join('\n')).not.toContain(server.token)
  })

  it('is reused across restarts', async () => {
    const other = await startTestServer()
    const before = other.token
    await other.restart()
    expect(other.token).toBe(before)
    await other.stop()
  })

  it('can be fixed by SHOGGOTH_TOKEN without writing the file', async () => {
    const other = await startTestServer({ fixedToken: 'fixed-token-from-the-environment-0123456789' })
    expect((await other.request('/api/flows')).status).toBe(200)
    await expect(stat(join(other.dataDir, 'api-token'))).rejects.toThrow()
    await other.stop()
  })

  it('can be switched off with --insecure-no-token', async () => {
    const other = await startTestServer({ requireToken: false })
    expect((await other.request('/api/flows', { auth: false })).status).toBe(200)
    expect(other.log.lines.some((line) => line.includes('--insecure-no-token'))).toBe(true)
    await other.stop()
  })
})

describe('host and origin checks', () => {
  it('refuses a foreign Host header with 403', async () => {
    const res = await server.request('/api/flows', { headers: { host: 'evil.example' } })
    expect(res.status).toBe(403)
    expect(res.json()).toEqual({ error: 'forbidden host' })
    expect((await server.request('/health', { headers: { host: `evil.example:${server.backend.port}` } })).status).toBe(403)
  })

  it('accepts localhost and [::1] with the right port', async () => {
    const port = server.backend.port
    expect((await server.request('/health', { headers: { host: `localhost:${port}` } })).status).toBe(200)
    expect((await server.request('/health', { headers: { host: `[::1]:${port}` } })).status).toBe(200)
    expect((await server.request('/health', { headers: { host: `localhost:${port + 1}` } })).status).toBe(403)
  })

  it('refuses a cross-site POST with 403 before any handler runs, leaving the disk untouched', async () => {
    const before = await listing(server.dataDir)
    const res = await server.request('/api/flows', { method: 'POST', body: { name: 'x' }, headers: { origin: 'http://evil.example' } })
    expect(res.status).toBe(403)
    expect(res.json()).toEqual({ error: 'forbidden origin' })
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(await listing(server.dataDir)).toEqual(before)
    const flows = (await server.request('/api/flows')).json<{ flows: unknown[] }>().flows
    expect(flows.every((flow) => (flow as { name: string }).name !== 'x')).toBe(true)
  })

  it('answers allowed origins with their own origin, never a wildcard', async () => {
    const own = `http://127.0.0.1:${server.backend.port}`
    const res = await server.request('/api/flows', { headers: { origin: own } })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe(own)
    expect(res.headers.vary).toBe('Origin')
    const studio = await server.request('/api/flows', { headers: { origin: 'http://localhost:1420' } })
    expect(studio.headers['access-control-allow-origin']).toBe('http://localhost:1420')
  })

  it('answers preflights for allowed origins only', async () => {
    const ok = await server.request('/api/flows', {
      method: 'OPTIONS',
      auth: false,
      headers: { origin: 'http://localhost:1420', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:1420')
    expect(ok.headers['access-control-allow-headers']).toContain('authorization')
    expect(ok.headers['access-control-allow-methods']).toContain('PUT')
    const refused = await server.request('/api/flows', { method: 'OPTIONS', auth: false, headers: { origin: 'http://evil.example' } })
    expect(refused.status).toBe(403)
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('routing errors are JSON with the contract status', () => {
  it('404 for unknown paths and for /', async () => {
    for (const path of ['/nope', '/', '/api/nothing-here']) {
      const res = await server.request(path)
      expect(res.status, path).toBe(404)
      expect(res.json()).toEqual({ error: 'not found' })
    }
  })

  it('405 with Allow for a known path and the wrong method', async () => {
    const res = await server.request('/api/flows', { method: 'PATCH' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD, POST')
    expect(res.json()).toEqual({ error: 'method PATCH not allowed' })
    const one = await server.request('/api/flows/abc', { method: 'POST' })
    expect(one.status).toBe(405)
    expect(one.headers.allow).toBe('GET, HEAD, PUT, DELETE')
    expect((await server.request('/health', { method: 'DELETE', auth: false })).status).toBe(401)
    expect((await server.request('/health', { method: 'DELETE' })).headers.allow).toBe('GET, HEAD')
  })

  it('308 removes exactly one trailing slash and keeps the query', async () => {
    const res = await server.request('/api/flows/?x=1', { auth: false })
    expect(res.status).toBe(308)
    expect(res.headers.location).toBe('/api/flows?x=1')
    expect((await server.request('/api/flows//', { method: 'POST' })).headers.location).toBe('/api/flows/')
  })

  it('400 for an unparsable body, including an empty one', async () => {
    const bad = await server.request('/api/flows', { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } })
    expect(bad.status).toBe(400)
    expect(bad.json<{ error: string }>().error).toMatch(/^failed to parse the request body as JSON/)
    const empty = await server.request('/api/flows', { method: 'POST', body: '', headers: { 'content-type': 'application/json' } })
    expect(empty.status).toBe(400)
  })

  it('does not echo the body in a JSON parse error', async () => {
    const res = await server.request('/api/flows', { method: 'POST', body: '{"name": secret-value}', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.text).not.toContain('secret-value')
  })

  it('413 for a body over 2 MiB', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })
    const res = await server.request('/api/flows', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(413)
    expect(res.json<{ error: string }>().error).toContain('2 MiB')
  })

  it('415 without a JSON content type; +json types and charset parameters are accepted', async () => {
    const none = await server.request('/api/flows', { method: 'POST', body: '{"name":"a"}' })
    expect(none.status).toBe(415)
    const text = await server.request('/api/flows', { method: 'POST', body: '{"name":"a"}', headers: { 'content-type': 'text/plain' } })
    expect(text.status).toBe(415)
    const vendor = await server.request('/api/flows', { method: 'POST', body: '{"name":"a"}', headers: { 'content-type': 'application/vnd.x+json; charset=utf-8' } })
    expect(vendor.status).toBe(201)
  })

  it('422 names the offending field', async () => {
    const missing = await server.request('/api/flows', { method: 'POST', body: { description: 'no name' } })
    expect(missing.status).toBe(422)
    expect(missing.json<{ error: string }>().error).toBe('invalid request body: name: missing field')
    const wrongType = await server.request('/api/flows', {
      method: 'POST',
      body: { name: 'n', nodes: [{ id: 'a', node_type: 'source', kind: 'rss', config: {}, position: { x: 1, y: '2' }, label: 'A' }] },
    })
    expect(wrongType.status).toBe(422)
    expect(wrongType.json<{ error: string }>().error).toMatch(/^invalid request body: nodes\[0\]\.position\.y: .*expected number/)
    const badKind = await server.request('/api/flows', {
      method: 'POST',
      body: { name: 'n', nodes: [{ id: 'a', node_type: 'robot', kind: 'x', config: {}, position: { x: 1, y: 2 }, label: 'A' }] },
    })
    expect(badKind.json<{ error: string }>().error).toMatch(/nodes\[0\]\.node_type/)
    const notObject = await server.request('/api/flows', { method: 'POST', body: '[1]', headers: { 'content-type': 'application/json' } })
    expect(notObject.status).toBe(422)
  })

  it('400 for a path that is not valid percent-encoding', async () => {
    const res = await server.request('/api/flows/%E0%A4%A')
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
  })
})

describe('id validation', () => {
  it('refuses traversal ids with 400 and touches no file outside the data dir', async () => {
    const outside = await makeTempDir('shoggoth-outside-')
    const victim = join(outside, 'victim.json')
    await writeFile(victim, '{"keep": true}')
    await mkdir(join(outside, 'dir'))
    const relative = join('..', '..', '..', ...outside.split('/').filter(Boolean))
    for (const id of ['..%2F..%2Fx', encodeURIComponent(join(relative, 'victim')), '..', 'a%5Cb', '%00', 'x'.repeat(201)]) {
      for (const [method, base] of [['DELETE', '/api/flows/'], ['GET', '/api/flows/'], ['PUT', '/api/flows/'], ['DELETE', '/api/prompts/'], ['GET', '/api/prompts/']] as const) {
        const res = await server.request(base + id, { method, ...(method === 'PUT' ? { body: {} } : {}) })
        expect(res.status, `${method} ${base}${id}`).toBe(400)
        expect(res.json()).toEqual({ error: 'invalid id' })
      }
    }
    expect(await readFile(victim, 'utf8')).toBe('{"keep": true}')
    expect(await readdir(outside)).toEqual(['dir', 'victim.json'])
  })

  it('accepts an id of exactly 200 characters (and finds nothing)', async () => {
    const res = await server.request(`/api/flows/${'a'.repeat(200)}`)
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ error: 'flow not found' })
  })
})
