// Promises the docs make that no other test held to (issue 11, "Untested
// promises get a test"): the 100-run cap when a run is added, the executor
// timeout, `.env` read at start, SHOGGOTH_ALLOWED_HOSTS, attachments copied
// into `.skills/`, and a real cron fire driving a real run.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import type { FlowRun, RunEvent } from '../../src-main/contract/api'
import { memoryLogger } from '../../src-main/log'
import { RUNS_PER_FLOW, RunStore } from '../../src-main/runs/run-store'
import { FileWriteQueue } from '../../src-main/storage/write-queue'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { ManualClock } from '../support/manual-clock'
import { waitUntilGone } from '../support/processes'
import { assertBuilt, SERVE_JS, startServe, stopAllServes } from '../support/serve-process'
import { openSse, type SseCall } from '../support/sse-client'
import { makeTempDir, rawRequest, startTestServer, type TestServer } from '../support/server'

// Everything a test starts is ended here, so a failing test leaks nothing.
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
  await stopAllServes()
})

async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer(overrides)
  cleanups.push(() => s.stop())
  return s
}
async function claudeWorld(): Promise<ClaudeWorld> {
  const world = await startClaudeWorld()
  cleanups.push(() => world.close())
  cleanups.push(() => rm(world.workDir, { recursive: true, force: true }))
  return world
}
async function tempDir(): Promise<string> {
  const dir = await makeTempDir()
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

let counter = 0
const node = (id: string, node_type: string, kind: string, config: object, label = id) => ({ id, node_type, kind, config, position: { x: counter++, y: 0 }, label })

async function createFlow(s: TestServer, body: object): Promise<string> {
  const res = await s.request('/api/flows', { method: 'POST', body })
  expect(res.status, res.text).toBe(201)
  return res.json<{ id: string }>().id
}
async function live(s: TestServer, flowId: string): Promise<SseCall> {
  const stream = openSse(s.url, `/api/flows/${flowId}/runs/live`, { token: s.token })
  cleanups.push(async () => stream.abort())
  expect(await stream.status).toBe(200)
  return stream
}
/** The run's last event (run_completed or run_failed), waited for on the stream. */
async function runEnd(stream: SseCall): Promise<RunEvent> {
  const first = await Promise.race([stream.waitFor('run_completed', 60_000), stream.waitFor('run_failed', 60_000)])
  return JSON.parse(first.data) as RunEvent
}
const runsOf = async (s: TestServer, flowId: string) => (await s.request(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs

/** Waits (on a condition, polled without a fixed delay) up to `timeoutMs`. */
async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the 100-run cap when a run is added', () => {
  const runId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
  const oldRun = (flowId: string, i: number): FlowRun => {
    const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()
    return { id: runId(i), flow_id: flowId, status: 'success', started_at: at, finished_at: at, node_runs: [], error: null }
  }

  it('RunStore.add: the 101st run evicts the oldest, in memory and on disk', async () => {
    const dir = await tempDir()
    const writer = new FileWriteQueue()
    const store = new RunStore(dir, writer, memoryLogger())
    const flowId = randomUUID()
    for (let i = 0; i < RUNS_PER_FLOW; i++) await store.add(oldRun(flowId, i))
    await writer.drain()
    expect(RUNS_PER_FLOW).toBe(100)
    expect(await readdir(join(dir, flowId))).toHaveLength(100)
    expect(store.list(flowId)).toHaveLength(100)

    await store.add(oldRun(flowId, 100))
    await writer.drain()
    const ids = store.list(flowId).map((run) => run.id)
    expect(ids).toHaveLength(100)
    expect(ids[0]).toBe(runId(100))
    expect(ids).not.toContain(runId(0))
    expect(ids.at(-1)).toBe(runId(1))
    const files = await readdir(join(dir, flowId))
    expect(files).toHaveLength(100)
    expect(files).not.toContain(`${runId(0)}.json`)
    expect(files).toContain(`${runId(100)}.json`)
    // And a fresh store reading the folder sees the same 100.
    const reread = new RunStore(dir, new FileWriteQueue(), memoryLogger())
    expect(await reread.load()).toBe(100)
    expect(reread.list(flowId).map((run) => run.id)).toEqual(ids)
  })

  it('a triggered run on a flow with 100 runs removes the oldest from the history and the disk', async () => {
    const s = await server()
    const work = await tempDir()
    // An executor whose working dir is missing fails at once, without claude.
    const flowId = await createFlow(s, { name: 'Full history', nodes: [node('x', 'executor', 'claude-code', { prompt: 'Go', working_dir: join(work, 'missing') })] })
    const dir = join(s.dataDir, 'runs', flowId)
    await mkdir(dir, { recursive: true })
    for (let i = 0; i < 100; i++) await writeFile(join(dir, `${runId(i)}.json`), JSON.stringify(oldRun(flowId, i)))
    await s.restart()
    expect(await runsOf(s, flowId)).toHaveLength(100)

    const stream = await live(s, flowId)
    const started = await s.request(`/api/flows/${flowId}/trigger`, { method: 'POST' })
    expect(started.status).toBe(202)
    const newId = started.json<{ run_id: string }>().run_id
    expect((await runEnd(stream)).event_type).toBe('run_failed')

    const runs = await runsOf(s, flowId)
    expect(runs).toHaveLength(100)
    expect(runs[0]!.id).toBe(newId)
    expect(runs.map((run) => run.id)).not.toContain(runId(0))
    expect(runs.at(-1)!.id).toBe(runId(1))
    await s.backend.close()
    const files = await readdir(dir)
    expect(files).toHaveLength(100)
    expect(files).not.toContain(`${runId(0)}.json`)
    expect(files).toContain(`${newId}.json`)
    await s.restart()
    expect((await runsOf(s, flowId)).map((run) => run.id)).toEqual(runs.map((run) => run.id))
  })
})

describe('the executor timeout', () => {
  it('a slow executor is stopped after executorTimeoutMs: the run fails with the timeout and no claude is left', async () => {
    const world = await claudeWorld()
    const s = await server({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, executorTimeoutMs: 1_000 })
    // Ten deltas a minute apart: ten minutes of work against a one-second limit, so
    // the run can only end within the test's time if the limit stops claude.
    const flowId = await createFlow(s, { name: 'Too slow', nodes: [node('x', 'executor', 'claude-code', { prompt: 'Take long [[slow:60000]]', working_dir: world.workDir })] })
    const stream = await live(s, flowId)
    expect((await s.request(`/api/flows/${flowId}/trigger`, { method: 'POST' })).status).toBe(202)
    await stream.waitFor('node_started', 20_000)
    const groups = await until('the claude process', () => {
      const pids = s.backend.launcher.pids()
      return pids.length > 0 && pids
    })

    const end = await runEnd(stream)
    expect(end.event_type).toBe('run_failed')
    expect(end.message).toMatch(/claude process timed out after 1s/)
    expect(stream.events.some((e) => e.event === 'node_failed')).toBe(true)
    const [run] = await runsOf(s, flowId)
    expect(run).toMatchObject({ status: 'failed' })
    expect(run!.error).toMatch(/claude process timed out after 1s/)
    expect(run!.node_runs).toEqual([expect.objectContaining({ node_id: 'x', status: 'failed' })])
    expect(await waitUntilGone(groups, 8_000)).toEqual([])
    await until('the launcher to forget the process', () => s.backend.launcher.pids().length === 0)
  })
})

/** `serve` as a user runs it, from `cwd` (where it looks for .env). */
async function serveIn(cwd: string, dataDir: string, env: Record<string, string>): Promise<{ url: string; token: string; stderr: string[]; child: ChildProcess }> {
  assertBuilt()
  const base: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['SHOGGOTH_TOKEN', 'SHOGGOTH_ALLOWED_HOSTS', 'PROMISES_FROM_DOTENV', 'PROMISES_NOT_SET_ANYWHERE']) delete base[name]
  const child = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data-dir', dataDir], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  })
  const stderr: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line))
  const appUrl = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('Open the app: ')) done(line.slice('Open the app: '.length))
    })
    void exited.then(() => fail(new Error(`serve exited before listening:\n${stderr.join('\n')}`)))
  })
  const token = (await readFile(join(dataDir, 'api-token'), 'utf8')).trim()
  return { url: new URL(appUrl).origin, token, stderr, child }
}

describe('.env is read at start', () => {
  it('serve reads .env from its working dir: its variables are used, and the environment wins over it', async () => {
    const cwd = await tempDir()
    const dataDir = await tempDir()
    await writeFile(join(cwd, '.env'), ['PROMISES_FROM_DOTENV=from-the-file', 'SHOGGOTH_ALLOWED_HOSTS=dotenv.example:4000', ''].join('\n'))
    const serve = await serveIn(cwd, dataDir, { SHOGGOTH_ALLOWED_HOSTS: 'env.example:4000' })
    expect(serve.stderr.join('\n')).toContain(`read settings from ${join(cwd, '.env')}`)

    const flow = await rawRequest(serve.url, '/api/flows', {
      method: 'POST',
      token: serve.token,
      body: {
        name: 'Env check',
        nodes: [
          node('x', 'executor', 'claude-code', { prompt: 'Go', working_dir: cwd }),
          node('a', 'sink', 'notion', { token_env: 'PROMISES_FROM_DOTENV', database_id: 'd' }),
          node('b', 'sink', 'notion', { token_env: 'PROMISES_NOT_SET_ANYWHERE', database_id: 'd' }),
        ],
        edges: [
          { id: 'e1', source: 'x', target: 'a' },
          { id: 'e2', source: 'x', target: 'b' },
        ],
      },
    })
    expect(flow.status, flow.text).toBe(201)
    const flowId = flow.json<{ id: string }>().id
    const validation = (await rawRequest(serve.url, `/api/flows/${flowId}/validate`, { method: 'POST', token: serve.token })).json<{ problems: { node_id: string | null; message: string }[] }>()
    const messages = validation.problems.map((p) => p.message)
    // The control: a variable set nowhere is reported...
    expect(messages).toContain('sink requires env var PROMISES_NOT_SET_ANYWHERE but it is not set')
    // ...and the one from .env is not.
    expect(validation.problems.filter((p) => p.node_id === 'a')).toEqual([])
    expect(messages.join('\n')).not.toContain('PROMISES_FROM_DOTENV')

    // SHOGGOTH_ALLOWED_HOSTS is in both: the environment's value is the one used.
    const withHost = (host: string) => rawRequest(serve.url, '/api/flows', { token: serve.token, headers: { host } })
    expect((await withHost('env.example:4000')).status).toBe(200)
    expect((await withHost('dotenv.example:4000')).status).toBe(403)
  })
})

describe('SHOGGOTH_ALLOWED_HOSTS', () => {
  it('serve accepts the extra Host values it lists, and still refuses every other foreign Host', async () => {
    const dataDir = await tempDir()
    const token = 'a-fixed-token-for-the-allowed-hosts-test-0123456789'
    const serve = await startServe(['--port', '0', '--data-dir', dataDir], { SHOGGOTH_TOKEN: token, SHOGGOTH_ALLOWED_HOSTS: 'shoggoth.lan:8080, proxy.example:443' })
    const withHost = (host: string) => rawRequest(serve.url, '/api/flows', { token, headers: { host } })
    expect((await withHost('shoggoth.lan:8080')).status).toBe(200)
    expect((await withHost('proxy.example:443')).status).toBe(200)
    expect((await withHost(new URL(serve.url).host)).status).toBe(200)
    for (const foreign of ['shoggoth.lan:8081', 'shoggoth.lan', 'evil.example:8080', 'proxy.example']) {
      const res = await withHost(foreign)
      expect(res.status, foreign).toBe(403)
    }
  })

  it('without it, the extra Host is refused', async () => {
    const dataDir = await tempDir()
    const token = 'a-fixed-token-for-the-allowed-hosts-test-0123456789'
    const serve = await startServe(['--port', '0', '--data-dir', dataDir], { SHOGGOTH_TOKEN: token, SHOGGOTH_ALLOWED_HOSTS: '' })
    expect((await rawRequest(serve.url, '/api/flows', { token, headers: { host: 'shoggoth.lan:8080' } })).status).toBe(403)
    expect((await rawRequest(serve.url, '/api/flows', { token })).status).toBe(200)
  })
})

describe('attachments are copied into .skills/', () => {
  it('files under attachments/<flow>/<node>/ appear in the node working dir .skills/ after its first chat message', async () => {
    const world = await claudeWorld()
    const s = await server({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv })
    const flowId = await createFlow(s, { name: 'With attachments', nodes: [node('exec', 'executor', 'claude-code', { prompt: 'Summarise', working_dir: world.workDir }, 'Writer')] })
    const attachments = join(s.dataDir, 'attachments', flowId, 'exec')
    await mkdir(attachments, { recursive: true })
    await writeFile(join(attachments, 'style-guide.md'), '# Style\nShort sentences.\n')
    await writeFile(join(attachments, 'data.csv'), 'a,b\n1,2\n')
    // Another node's attachment must not be copied here.
    await mkdir(join(s.dataDir, 'attachments', flowId, 'other'), { recursive: true })
    await writeFile(join(s.dataDir, 'attachments', flowId, 'other', 'not-mine.txt'), 'no')
    const skills = join(world.workDir, '.skills')
    await expect(readdir(skills)).rejects.toThrow()

    const chat = openSse(s.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: s.token, body: { prompt: 'hello' } })
    cleanups.push(async () => chat.abort())
    await chat.ended
    expect(await chat.status).toBe(200)
    expect(chat.events.map((e) => e.event)).toContain('done')

    const files = await readdir(skills)
    expect(files).toEqual(expect.arrayContaining(['style-guide.md', 'data.csv', 'Skill.md', 'workflow.json']))
    expect(files).not.toContain('not-mine.txt')
    expect(await readFile(join(skills, 'style-guide.md'), 'utf8')).toBe('# Style\nShort sentences.\n')
    expect(await readFile(join(skills, 'data.csv'), 'utf8')).toBe('a,b\n1,2\n')
  })
})

/** A manual clock that tells when something sleeps towards a given moment (naps may be capped short of it). */
class WatchedClock extends ManualClock {
  private readonly waiters: { at: number; done: () => void }[] = []
  private readonly deadlines: number[] = []

  override sleep(ms: number, signal: AbortSignal): Promise<void> {
    const at = this.now() + ms
    this.deadlines.push(at)
    for (const waiter of this.waiters.filter((w) => at > this.now() && at <= w.at)) waiter.done()
    return super.sleep(ms, signal)
  }

  sleeperUntil(at: number): Promise<void> {
    if (this.deadlines.some((d) => d > this.now() && d <= at)) return Promise.resolve()
    return new Promise((done) => this.waiters.push({ at, done }))
  }
}

describe('a real cron fire drives a real run', () => {
  it('a flow with a cron trigger fires on the clock and its run (trigger cron) goes through the real executor to success', async () => {
    const world = await claudeWorld()
    const clock = new WatchedClock(Date.parse('2026-02-24T10:02:00Z'))
    const s = await server({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, clock })
    const fireAt = Date.parse('2026-02-24T10:05:00Z')
    const armed = clock.sleeperUntil(fireAt)
    const flowId = await createFlow(s, {
      name: 'Every five',
      nodes: [node('t', 'trigger', 'cron', { schedule: '*/5 * * * *' }, 'When'), node('x', 'executor', 'claude-code', { prompt: 'Cron says hi', working_dir: world.workDir }, 'Exec')],
      edges: [{ id: 'e1', source: 't', target: 'x' }],
    })
    const stream = await live(s, flowId)
    // The scheduler has armed the flow for 10:05 before the clock moves.
    await armed
    expect(await runsOf(s, flowId)).toEqual([])
    await clock.advanceTo(fireAt)

    const end = await runEnd(stream)
    expect(end.event_type).toBe('run_completed')
    const runs = await runsOf(s, flowId)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ trigger: 'cron', status: 'success' })
    expect(runs[0]!.node_runs).toEqual([expect.objectContaining({ node_id: 'x', status: 'success' })])
    expect(runs[0]!.node_runs[0]!.output_preview).toContain('Cron says hi')
  })
})
