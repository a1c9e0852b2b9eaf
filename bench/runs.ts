// bench/runs: a flow with 50 RSS sources against a local feed server. The
// run's source phase (first "Fetching…" to the sources' completion, from the
// run's own events) next to fetching the same 50 feeds concurrently with plain
// fetch, in the same process and run. Goal: ratio ≤ 1.2. Prints figures only.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { RunEvent } from '../src-main/contract/api'
import { startBackend } from '../src-main/backend'
import { requestText } from '../src-main/integrations/http'
import { createLogger } from '../src-main/log'
import { startMessagesApi } from '../test/fixtures/messages-api'
import { openSse } from '../test/support/sse-client'
import { median } from './support'

const FEEDS = 50
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)

// The feed server runs in its own process, as a real feed site would.
const feedServer = spawn(process.execPath, ['-e', `
  const http = require('node:http')
  const feed = (n) => '<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Feed ' + n + '</title>' +
    Array.from({ length: 10 }, (_, i) => '<item><title>Story ' + n + '.' + i + '</title><link>http://example.invalid/' + n + '/' + i + '</link>' +
      '<description>' + 'Some words about the story. '.repeat(20) + '</description><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate>' +
      '<media:content url="http://example.invalid/img/' + n + '-' + i + '.png" medium="image"/></item>').join('') + '</channel></rss>'
  http.createServer((req, res) => { const m = /^\\/(slow\\/)?feed\\/(\\d+)\\.xml$/.exec(req.url); if (!m) { res.writeHead(404); return res.end() }
    const send = () => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(feed(m[2])) }
    m[1] ? setTimeout(send, 100) : send() })
    .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port) })`], { stdio: ['ignore', 'pipe', 'inherit'] })
const feedBase = await new Promise<string>((done) => createInterface({ input: feedServer.stdout! }).once('line', done))
// Two sites: one answering at once (loopback, parse cost shows), one after 100 ms (like a remote feed).
const siteUrls = (path: string) => Array.from({ length: FEEDS }, (_, i) => `${feedBase}${path}/feed/${i}.xml`)

const api = await startMessagesApi()
const dirs = await Promise.all(['data', 'work', 'claude'].map((name) => mkdtemp(join(tmpdir(), `shoggoth-bench-runs-${name}-`))))
const [dataDir, workDir, configDir] = dirs as [string, string, string]
const backend = await startBackend({
  port: 0, host: '127.0.0.1', dataDir, requireToken: false, fixedToken: undefined, startDisabled: false, allowedOrigins: [], allowedHosts: [],
  claudeBin: resolve('node_modules/.bin/claude'), turnTimeoutMs: 600_000, idleTimeoutMs: 600_000, maxLiveSessions: 8, executorTimeoutMs: 600_000,
  rendererDir: null, childEnv: { ...api.env, CLAUDE_CONFIG_DIR: configDir }, log: createLogger('error'),
})
const post = (path: string, body?: object) => fetch(`${backend.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : '' })

async function createFlow(urls: string[]): Promise<string> {
  const nodes = [
    ...urls.map((url, i) => ({ id: `feed-${i}`, node_type: 'source', kind: 'rss', config: { url, limit: 10 }, position: { x: 0, y: i }, label: `Feed ${i}` })),
    { id: 'x', node_type: 'executor', kind: 'claude-code', config: { prompt: 'Count the stories. [[reply:Counted.]]', working_dir: workDir }, position: { x: 1, y: 0 }, label: 'Counter' },
  ]
  return ((await (await post('/api/flows', { name: `${urls.length} feeds`, nodes })).json()) as { id: string }).id
}

async function oneRun(flowId: string): Promise<{ sources: number; whole: number; items: string }> {
  const stream = openSse(backend.url, `/api/flows/${flowId}/runs/live`)
  await stream.status
  await post(`/api/flows/${flowId}/trigger`)
  await stream.waitFor('run_completed', 120_000)
  stream.abort()
  const events = stream.events.map((e) => JSON.parse(e.data) as RunEvent)
  const time = (e: RunEvent | undefined) => Date.parse(e!.timestamp)
  const sourceEvents = events.filter((e) => e.node_id?.startsWith('feed-'))
  const firstStart = Math.min(...sourceEvents.filter((e) => e.event_type === 'node_started').map(time))
  const lastDone = Math.max(...sourceEvents.filter((e) => e.event_type === 'node_completed').map(time))
  return { sources: lastDone - firstStart, whole: time(events.at(-1)) - time(events[0]), items: sourceEvents.find((e) => e.event_type === 'node_completed')!.message }
}

async function plainFetch(urls: string[]): Promise<number> {
  const started = performance.now()
  await Promise.all(urls.map(async (url) => (await fetch(url)).text()))
  return performance.now() - started
}

// The same fetching through the app's own HTTP client, without parsing: what
// the run adds beyond its client (parsing, filtering, events).
async function clientOnly(urls: string[]): Promise<number> {
  const started = performance.now()
  await Promise.all(urls.map((url) => requestText(url)))
  return performance.now() - started
}

console.log(`bench/runs: ${FEEDS} RSS sources (10 items each, 500 items) against a local feed server, ${ROUNDS} rounds, medians`)
for (const [site, path] of [['answering at once', ''], ['answering after 100 ms', '/slow']] as const) {
  const urls = siteUrls(path)
  const flowId = await createFlow(urls)
  await oneRun(flowId)
  await plainFetch(urls)
  await clientOnly(urls)
  const ours: number[] = []
  const whole: number[] = []
  const floor: number[] = []
  const client: number[] = []
  let items = ''
  for (let round = 0; round < ROUNDS; round++) {
    const run = await oneRun(flowId)
    ours.push(run.sources)
    whole.push(run.whole)
    items = run.items
    floor.push(await plainFetch(urls))
    client.push(await clientOnly(urls))
  }
  console.log(`  feeds ${site}`)
  console.log(`    run's source phase   ${median(ours).toFixed(1)} ms   (${items}; fetch, parse, filter, events; ms resolution)`)
  console.log(`    plain fetch ×${FEEDS}     ${median(floor).toFixed(1)} ms   (concurrent fetch + text, no parsing)`)
  console.log(`    ratio                ${(median(ours) / median(floor)).toFixed(2)} (goal ≤ 1.2)`)
  console.log(`    app's client ×${FEEDS}    ${median(client).toFixed(1)} ms   (the same requests through the app's HTTP client, no parsing; run / client ${(median(ours) / median(client)).toFixed(2)})`)
  console.log(`    whole run            ${median(whole).toFixed(1)} ms   (includes the real claude executor)`)
}

await backend.close()
await api.close()
feedServer.kill()
for (const dir of dirs) await rm(dir, { recursive: true, force: true })
