// Shared pieces of the benchmarks: a data dir full of realistic flows, the
// real headless server as a child process, and a bare node:http baseline.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstuvwxyz'
const SERVE_JS = resolve('out/main/serve.js')

export function flowDocument(index: number): object {
  const at = new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString()
  const node = (id: string, node_type: string, kind: string, config: object, x: number) => ({ id, node_type, kind, config, position: { x, y: 80 }, label: `${kind} ${index}` })
  return {
    id: randomUUID(),
    name: `Flow ${index}`,
    description: 'Fetches the morning feeds, summarises them and posts to Slack.',
    enabled: index % 3 !== 0,
    nodes: [
      node('trigger', 'trigger', 'cron', { schedule: '0 9 * * 1-5' }, 0),
      node('feed', 'source', 'rss', { url: `https://feeds.example/${index}.xml`, limit: 10 }, 200),
      node('filter', 'filter', 'keyword', { keywords: ['release', 'security'], require_all: false }, 400),
      node('exec', 'executor', 'claude-code', { prompt: 'prompts/digest.md', permissions: ['Read'] }, 600),
      node('slack', 'sink', 'slack', { webhook_url_env: 'SLACK_WEBHOOK_URL' }, 800),
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'feed' },
      { id: 'e2', source: 'feed', target: 'filter' },
      { id: 'e3', source: 'filter', target: 'exec' },
      { id: 'e4', source: 'exec', target: 'slack' },
    ],
    created_at: at,
    updated_at: at,
  }
}

/** A fresh data dir holding `count` flow files; returns the dir and the flow ids. */
export async function dataDirWithFlows(count: number): Promise<{ dir: string; ids: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'shoggoth-bench-'))
  await mkdir(join(dir, 'flows'), { recursive: true })
  const ids: string[] = []
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => flowDocument(start + i) as { id: string })
    await Promise.all(batch.map((flow) => writeFile(join(dir, 'flows', `${flow.id}.json`), `${JSON.stringify(flow, null, 2)}\n`)))
    ids.push(...batch.map((flow) => flow.id))
  }
  return { dir, ids }
}

export interface Child {
  process: ChildProcess
  url: string
  /** ms from spawn until the process said it is listening */
  startMs: number
  stop(): Promise<void>
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = pattern.exec(line)
      if (match) done(match)
    })
    child.on('exit', (code) => fail(new Error(`child exited with ${code} before it was ready`)))
  })
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done()
      child.on('exit', () => done())
      child.kill('SIGTERM')
    })
}

export async function startShoggoth(dataDir: string): Promise<Child> {
  if (!existsSync(SERVE_JS)) throw new Error('run `npm run build` first')
  const started = performance.now()
  const child = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, SHOGGOTH_TOKEN: TOKEN, SHOGGOTH_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const match = await waitForLine(child, /^Shoggoth listening on (http:\/\/\S+)/)
  return { process: child, url: match[1]!, startMs: performance.now() - started, stop: stopper(child) }
}

/** The physical floor: node:http answering every request with fixed bytes. */
export async function startBareServer(routes: Record<string, string>): Promise<Child> {
  const script = `
    const http = require('node:http')
    const routes = new Map(Object.entries(JSON.parse(require('node:fs').readFileSync(process.env.ROUTES_FILE, 'utf8'))).map(([k, v]) => [k, Buffer.from(v)]))
    http.createServer((req, res) => {
      const body = routes.get(req.url)
      if (!body) { res.writeHead(404); return res.end() }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
      res.end(body)
    }).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port) })`
  const routesFile = join(await mkdtemp(join(tmpdir(), 'shoggoth-bench-bare-')), 'routes.json')
  await writeFile(routesFile, JSON.stringify(routes))
  const started = performance.now()
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, ROUTES_FILE: routesFile }, stdio: ['ignore', 'pipe', 'inherit'] })
  const match = await waitForLine(child, /^listening on (http:\/\/\S+)/)
  return { process: child, url: match[1]!, startMs: performance.now() - started, stop: stopper(child) }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
