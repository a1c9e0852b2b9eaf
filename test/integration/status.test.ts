// GET /api/status through real HTTP: the claude CLI found (or the install
// hint), live chat and run processes with their memory, the next cron fire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { version } from '../../package.json'
import type { AppStatus, LiveProcess } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { openSse } from '../support/sse-client'
import { startTestServer, type TestServer } from '../support/server'

let world: ClaudeWorld
let server: TestServer

beforeAll(async () => {
  world = await startClaudeWorld()
  server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv })
})
afterAll(async () => {
  await server.stop()
  await world.close()
})

const node = (id: string, node_type: string, kind: string, config: object, x: number) => ({ id, node_type, kind, config, position: { x, y: 0 }, label: id })

async function createFlow(name: string, trigger: ReturnType<typeof node>, prompt: string): Promise<string> {
  const res = await server.request('/api/flows', {
    method: 'POST',
    body: { name, nodes: [trigger, node('exec', 'executor', 'claude-code', { prompt, working_dir: world.workDir }, 260)], edges: [{ id: 'e1', source: trigger.id, target: 'exec' }] },
  })
  expect(res.status).toBe(201)
  return res.json<{ id: string }>().id
}

async function status(): Promise<AppStatus> {
  const res = await server.request('/api/status')
  expect(res.status).toBe(200)
  return res.json<AppStatus>()
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const memoryReadable = process.platform === 'linux'

describe('GET /api/status', () => {
  it('needs the token', async () => {
    expect((await server.request('/api/status', { auth: false })).status).toBe(401)
  })

  it('names the app version, the data dir and the claude CLI with its version; nothing running yet', async () => {
    const body = await status()
    expect(body.version).toBe(version)
    expect(body.data_dir).toBe(server.dataDir)
    expect(body.claude.command).toBe(CLAUDE_BIN)
    expect(body.claude.version).toMatch(/\d+\.\d+\.\d+/)
    expect(body.claude.error).toBeNull()
    expect(body.processes).toEqual([])
    expect(body.scheduler).toEqual({ active_count: 0, total_flows: 0, next_run: null })
  })

  it('gives the soonest cron fire among the flows the scheduler runs', async () => {
    const hourly = await createFlow('Hourly', node('cron', 'trigger', 'cron', { schedule: '0 * * * *' }, 0), 'hi')
    await createFlow('Yearly', node('cron', 'trigger', 'cron', { schedule: '0 0 1 1 *' }, 0), 'hi')
    const body = await status()
    expect(body.scheduler.active_count).toBe(2)
    expect(body.scheduler.total_flows).toBe(2)
    expect(body.scheduler.next_run?.flow_id).toBe(hourly)
    const at = Date.parse(body.scheduler.next_run!.at)
    expect(at).toBeGreaterThan(Date.now())
    expect(at - Date.now()).toBeLessThanOrEqual(3_600_000)
    expect(body.scheduler.next_run!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\+00:00$/)
  })

  it('lists a warm node chat with its flow, node and session, and its memory', async () => {
    const flowId = await createFlow('Chat', node('when', 'trigger', 'manual', {}, 0), 'Summarise')
    const turn = openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: server.token, body: { prompt: 'hello' } })
    await turn.ended
    const sessionId = (JSON.parse(turn.events[0]!.data) as { session_id: string }).session_id
    const chat = (await status()).processes.find((p) => p.role === 'chat')
    expect(chat).toMatchObject({ role: 'chat', flow_id: flowId, node_id: 'exec', session_id: sessionId, run_id: null })
    expect(chat!.pid).toBeGreaterThan(1)
    if (memoryReadable) expect(chat!.rss_bytes).toBeGreaterThan(1_000_000)
    // Deleting the flow ends its chat process, which leaves the list.
    expect((await server.request(`/api/flows/${flowId}`, { method: 'DELETE' })).status).toBe(200)
    await until('the chat process to end', async () => ((await status()).processes.some((p) => p.pid === chat!.pid) ? undefined : true))
  })

  it("lists a run's executor with its run id while it works, and drops it when the run ends", async () => {
    const flowId = await createFlow('Slow run', node('when', 'trigger', 'manual', {}, 0), '[[delay:4000]] write one line')
    const started = await server.request(`/api/flows/${flowId}/trigger`, { method: 'POST' })
    expect(started.status).toBe(202)
    const runId = started.json<{ run_id?: string }>().run_id
    const running = await until('the executor process', async () => (await status()).processes.find((p): p is LiveProcess => p.role === 'run'))
    expect(running).toMatchObject({ role: 'run', flow_id: flowId, node_id: 'exec', session_id: null })
    if (runId) expect(running.run_id).toBe(runId)
    if (memoryReadable) expect(running.rss_bytes).toBeGreaterThan(1_000_000)
    await until('the run to end', async () => ((await status()).processes.some((p) => p.role === 'run') ? undefined : true), 60_000)
  })
})

describe('GET /api/status without claude', () => {
  it('says the CLI is missing and how to install it', async () => {
    const bare = await startTestServer({ claudeBin: '/nonexistent/claude' })
    try {
      const body = (await bare.request('/api/status')).json<AppStatus>()
      expect(body.claude.command).toBe('/nonexistent/claude')
      expect(body.claude.version).toBeNull()
      expect(body.claude.error).toContain('npm install -g @anthropic-ai/claude-code')
      expect(body.claude.error).toContain('SHOGGOTH_CLAUDE_BIN')
    } finally {
      await bare.stop()
    }
  })
})
