// The browser boundary (issue 11), in a real Chromium: a page on another origin
// tries fetch, a preflighted POST, a no-cors POST, a form post, sendBeacon,
// EventSource and framing the UI — with the API token (as if it had leaked) and
// against a server started without one — and a page whose DNS name is rebound to
// 127.0.0.1 tries the same from "inside". Nothing is read, nothing changes, and
// a token in a URL never reaches the log. A page on an allowed origin is the control.
import { createServer as createHttpServer, type Server } from 'node:http'
import { connect, createServer as createTcpServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page, type Request } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { differences, snapshot } from '../support/dir-snapshot'
import { startTestServer, type TestServer } from '../support/server'

/** Every attack the page makes, each reporting what it could read ('' when nothing). */
const ATTACKS = String.raw`
const params = new URL(location.href).searchParams
const api = params.get('api') ?? ''
const token = params.get('token')
const auth = token ? { Authorization: 'Bearer ' + token } : {}
const flow = JSON.stringify({ name: 'Planted by another site' })
async function read(p) { try { const r = await p; return r.type === 'opaque' ? '' : r.status + ' ' + (await r.text()) } catch { return '' } }
function framed(src) {
  return new Promise((done) => {
    const frame = document.createElement('iframe')
    frame.name = 'f' + Math.random()
    frame.src = src
    frame.onload = () => { let seen = ''; try { seen = frame.contentDocument?.body?.innerText ?? '' } catch {} done(seen) }
    document.body.append(frame)
  })
}
function posted(path, body) {
  return new Promise((done) => {
    const frame = document.createElement('iframe')
    frame.name = 'post' + Math.random()
    document.body.append(frame)
    const form = document.createElement('form')
    form.method = 'POST'; form.enctype = 'text/plain'; form.action = api + path; form.target = frame.name
    const field = document.createElement('input')
    field.name = body.slice(0, -2); field.value = body.slice(-2)
    form.append(field); document.body.append(form)
    frame.onload = () => { let seen = ''; try { seen = frame.contentDocument?.body?.innerText ?? '' } catch {} done(seen) }
    form.submit()
  })
}
function streamed(url) {
  return new Promise((done) => {
    const source = new EventSource(url)
    let seen = ''
    source.onmessage = (e) => { seen += e.data }
    source.onopen = () => { source.close(); done('opened') }
    source.onerror = () => { source.close(); done(seen) }
  })
}
window.results = (async () => ({
  'fetch GET': await read(fetch(api + '/api/flows', { headers: auth })),
  'fetch POST with JSON': await read(fetch(api + '/api/flows', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: flow })),
  'no-cors POST': await read(fetch(api + '/api/flows', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: flow })),
  'no-cors webhook': await read(fetch(api + '/api/webhooks/hook', { method: 'POST', mode: 'no-cors', body: '{}' })),
  'form post': await posted('/api/flows', flow),
  'sendBeacon': String(navigator.sendBeacon(api + '/api/flows', new Blob([flow], { type: 'text/plain' })) && ''),
  'EventSource': await streamed(api + '/api/flows/' + params.get('flow') + '/runs/live' + (token ? '?token=' + token : '')),
  'framing /app/': await framed(api + '/app/'),
}))()
`

const page = (script: string) => `<!doctype html><meta charset="utf-8"><title>elsewhere</title><body><script>${script}</script></body>`

/** A plain site on its own port: another origin than the API's. */
async function startSite(): Promise<{ origin: string; server: Server }> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
    res.end(page(ATTACKS))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/**
 * DNS rebinding, at the TCP level: rebind.test resolves to 127.0.0.1 (a Chromium
 * flag); its port first serves the attacker's page, then, "rebound", forwards every
 * new connection to the API. The page's same-origin requests then reach the API
 * with `Host: rebind.test:<port>`.
 */
async function startRebinder(apiPort: () => number): Promise<{ port: number; rebind(): void; close(): Promise<void> }> {
  const site = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
    res.end(page(`window.rebound = new Promise((done) => { window.go = done }).then(async () => {
      const token = new URL(location.href).searchParams.get('token')
      const r = await fetch('/api/flows', { headers: { Authorization: 'Bearer ' + token } })
      const w = await fetch('/api/flows', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: '{"name":"Planted by rebinding"}' })
      return { read: r.status + ' ' + (await r.text()), write: w.status + ' ' + (await w.text()) }
    })`))
  })
  let rebound = false
  const tcp = createTcpServer((socket) => {
    if (!rebound) return void site.emit('connection', socket)
    const upstream = connect(apiPort(), '127.0.0.1')
    socket.pipe(upstream).pipe(socket)
    socket.on('error', () => upstream.destroy())
    upstream.on('error', () => socket.destroy())
  })
  await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done))
  return {
    port: (tcp.address() as AddressInfo).port,
    rebind: () => void (rebound = true),
    close: () => new Promise((done) => tcp.close(() => done())),
  }
}

let browser: Browser
let site: Awaited<ReturnType<typeof startSite>>
let allowed: Awaited<ReturnType<typeof startSite>>
const servers: TestServer[] = []

beforeAll(async () => {
  ;[site, allowed] = await Promise.all([startSite(), startSite()])
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  })
}, 30_000)
afterAll(async () => {
  await browser?.close()
  await Promise.all(servers.map((s) => s.stop()))
  for (const { server } of [site, allowed]) server.close()
})

async function api(overrides: Parameters<typeof startTestServer>[0]): Promise<{ s: TestServer; flowId: string }> {
  const s = await startTestServer({ rendererDir: resolve('out/renderer'), allowedOrigins: [allowed.origin], ...overrides })
  servers.push(s)
  const body = { name: 'Mine', nodes: [{ id: 'hook', node_type: 'trigger', kind: 'webhook', config: { path: '/hook' }, position: { x: 0, y: 0 }, label: 'Hook' }] }
  const flowId = (await s.request('/api/flows', { method: 'POST', body })).json<{ id: string }>().id
  return { s, flowId }
}

/** Opens `url`, waits for its results and for every request it made to the API to be answered or fail. */
async function attack(url: string, apiOrigin: string): Promise<{ results: Record<string, string>; statuses: string[]; page: Page }> {
  const page = await browser.newPage()
  const pending = new Set<Request>()
  const statuses: string[] = []
  const toApi = (request: Request) => new URL(request.url()).origin === apiOrigin
  page.on('request', (request) => void (toApi(request) && pending.add(request)))
  page.on('requestfinished', async (request) => {
    if (!toApi(request)) return
    const response = await request.response()
    statuses.push(`${request.method()} ${new URL(request.url()).pathname} ${response?.status()}`)
    pending.delete(request)
  })
  page.on('requestfailed', (request) => void pending.delete(request))
  await page.goto(url)
  const results = await page.evaluate(() => (window as unknown as { results: Promise<Record<string, string>> }).results)
  await expect.poll(() => pending.size, { timeout: 10_000 }).toBe(0)
  return { results, statuses, page }
}

const nothingRead = (results: Record<string, string>) => Object.fromEntries(Object.keys(results).map((name) => [name, '']))

describe('a page on another origin', { timeout: 60_000 }, () => {
  for (const mode of ['with the token it somehow has', 'against a server started with --insecure-no-token'] as const) {
    it(`reads and changes nothing, ${mode}`, async () => {
      const { s, flowId } = await api(mode.startsWith('with') ? {} : { requireToken: false })
      const before = await snapshot(s.dataDir)
      const token = mode.startsWith('with') ? `&token=${s.token}` : ''
      const { results, statuses, page } = await attack(`${site.origin}/?api=${s.url}&flow=${flowId}${token}`, s.url)
      expect(results).toEqual(nothingRead(results))
      // Every request the browser let through was refused before any handler (the UI files aside);
      // the form post and the beacon at least (fetches refused at their preflight never leave).
      expect(statuses.filter((line) => !line.includes(' /app/') && !line.endsWith(' 403'))).toEqual([])
      expect(statuses.filter((line) => line === 'POST /api/flows 403').length).toBeGreaterThanOrEqual(2)
      // The UI in a frame on another site is not shown.
      const frame = page.frames().find((f) => f.url().includes('/app/') || f.url().startsWith('chrome-error:'))
      expect(frame?.url() ?? 'chrome-error:').toMatch(/^chrome-error:/)
      expect(differences(before, await snapshot(s.dataDir))).toEqual([])
      expect((await s.request('/api/flows')).json<{ flows: { id: string }[] }>().flows.map((f) => f.id)).toEqual([flowId])
      if (s.token) expect(s.log.lines.filter((line) => line.includes(s.token))).toEqual([])
      await page.close()
    })
  }

  it('an allowed origin (the control) can read with the token, so the harness sees a breach when there is one', async () => {
    const { s, flowId } = await api({})
    const { results, page } = await attack(`${allowed.origin}/?api=${s.url}&flow=${flowId}&token=${s.token}`, s.url)
    expect(results['fetch GET']).toMatch(/^200 .*"Mine"/)
    // Its EventSource carried the token in the URL, as EventSource must: the log never shows it.
    expect(results['EventSource']).toBe('opened')
    expect(s.log.lines.filter((line) => line.includes(s.token))).toEqual([])
    await page.close()
  })
})

describe('a DNS name rebound to 127.0.0.1', { timeout: 60_000 }, () => {
  it('reaches the API with a foreign Host and is refused, even with the token', async () => {
    const { s } = await api({})
    const rebinder = await startRebinder(() => s.backend.port)
    try {
      const page = await browser.newPage()
      await page.goto(`http://rebind.test:${rebinder.port}/?token=${s.token}`)
      rebinder.rebind()
      const seen = await page.evaluate(() => {
        const w = window as unknown as { go(): void; rebound: Promise<{ read: string; write: string }> }
        w.go()
        return w.rebound
      })
      expect(seen).toEqual({ read: '403 {"error":"forbidden host"}', write: '403 {"error":"forbidden host"}' })
      expect((await s.request('/api/flows')).json<{ flows: unknown[] }>().flows).toHaveLength(1)
      await page.close()
    } finally {
      await rebinder.close()
    }
  })
})
