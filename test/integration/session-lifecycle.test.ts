// What happens to sessions and their claude processes over time: restarts,
// legacy files, deletion, reset, a killed server, a missing binary.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { isAlive, waitUntilGone } from '../support/processes'
import { startServe, stopAllServes } from '../support/serve-process'
import { makeTempDir, rawRequest, startTestServer, type TestServer } from '../support/server'
import { openSse, type ReceivedEvent } from '../support/sse-client'

let world: ClaudeWorld
beforeAll(async () => {
  world = await startClaudeWorld()
})
afterAll(() => world.close())
const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
  await stopAllServes()
})

async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, ...overrides })
  servers.push(s)
  return s
}

const flowBody = (workDir: string) => ({
  name: 'Lifecycle',
  nodes: [
    { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: workDir }, position: { x: 0, y: 0 }, label: 'Exec' },
    { id: 'exec2', node_type: 'executor', kind: 'claude-code', config: { prompt: 'q', working_dir: workDir }, position: { x: 1, y: 0 }, label: 'Exec 2' },
  ],
})

async function createFlow(s: TestServer): Promise<string> {
  return (await s.request('/api/flows', { method: 'POST', body: flowBody(world.workDir) })).json<{ id: string }>().id
}

async function turn(s: TestServer, path: string, prompt: string, sessionId?: string): Promise<ReceivedEvent[]> {
  const call = openSse(s.url, path, { token: s.token, body: { prompt, ...(sessionId ? { session_id: sessionId } : {}) } })
  await call.ended
  return call.events
}

const costOf = (events: ReceivedEvent[]) => (JSON.parse(events.find((e) => e.event === 'result')!.data) as { cost: number }).cost

describe('sessions.yaml', () => {
  it('keeps message counts and the sum of per-turn costs across a restart', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    const costs: number[] = []
    for (const prompt of ['one', 'two', 'three']) costs.push(costOf(await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, prompt)))
    // Per-turn costs are differences of the CLI's cumulative total, so all three match.
    expect(costs[1]).toBeCloseTo(costs[0]!, 10)
    expect(costs[2]).toBeCloseTo(costs[0]!, 10)
    await s.restart()
    const listing = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ sessions: { message_count: number; total_cost: number; busy: boolean }[] }>()
    expect(listing.sessions).toHaveLength(1)
    expect(listing.sessions[0]!.message_count).toBe(3)
    expect(listing.sessions[0]!.total_cost).toBeCloseTo(costs[0]! + costs[1]! + costs[2]!, 10)
    expect(listing.sessions[0]!.busy).toBe(false)
  })

  it('resumes a session in a fresh process after a restart, with its history', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'remember the word pineapple')
    await s.restart()
    const events = await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'what was the word')
    expect(JSON.parse(events[0]!.data)).toMatchObject({ message: 'Session started' })
    expect(events.at(-1)!.event).toBe('done')
    expect(JSON.stringify(world.api.requests.at(-1)!.messages)).toContain('remember the word pineapple')
  })

  it('migrates the legacy format and writes the current one at the next save', async () => {
    const dataDir = await makeTempDir()
    await writeFile(
      join(dataDir, 'sessions.yaml'),
      'sessions:\n  f1:\n    session_id: 11111111-1111-4111-8111-111111111111\n    flow_name: Old flow\n    working_dir: /tmp\n    message_count: 4\n    total_cost: 0.25\n  f2:\n    session_id: 22222222-2222-4222-8222-222222222222\n    message_count: 0\n    total_cost: 0\n',
    )
    const s = await server({ dataDir })
    const listing = (await s.request('/api/flows/f1/interact/sessions')).json<{ flow_name: string; active_session: string; sessions: { session_id: string; message_count: number; total_cost: number; summary: string }[] }>()
    expect(listing).toMatchObject({ flow_name: 'Old flow', active_session: '11111111-1111-4111-8111-111111111111' })
    expect(listing.sessions[0]).toMatchObject({ message_count: 4, total_cost: 0.25, summary: '' })
    expect((await s.request('/api/flows/f2/interact/sessions')).json()).toMatchObject({ flow_name: 'Unknown' })
    // A save (here: deleting a session somewhere else) rewrites the file in the current format.
    const flowId = await createFlow(s)
    await s.request(`/api/flows/${flowId}/interact/new`, { method: 'POST' })
    const saved = parse(await readFile(join(dataDir, 'sessions.yaml'), 'utf8')) as { sessions: Record<string, { sessions: { working_dir: string }[] }> }
    expect(saved.sessions.f1!.sessions[0]!.working_dir).toBe('/tmp')
    expect(saved.sessions.f2!.sessions[0]!.working_dir).toBe('.')
  })
})

describe('session management', () => {
  it('answers the contract errors for delete', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    expect((await s.request(`/api/flows/${flowId}/interact/sessions/x`, { method: 'DELETE' })).json()).toEqual({ error: 'no sessions for this flow' })
    expect((await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/x`, { method: 'DELETE' })).json()).toEqual({ error: 'no sessions for this node' })
    const { session_id } = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json<{ session_id: string }>()
    const last = await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/${session_id}`, { method: 'DELETE' })
    expect(last.status).toBe(400)
    expect(last.json()).toEqual({ error: 'cannot delete the last session' })
    await s.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })
    const unknown = await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/nope`, { method: 'DELETE' })
    expect(unknown.status).toBe(404)
    expect((await s.request(`/api/flows/${flowId}/nodes/nope/interact/new`, { method: 'POST' })).json()).toEqual({ error: "executor node 'nope' not found in flow" })
    expect((await s.request(`/api/flows/nope/interact/new`, { method: 'POST' })).json()).toEqual({ error: 'flow not found' })
    expect((await s.request('/api/flows/nope/interact/sessions')).json()).toEqual({ flow_name: '', active_session: '', sessions: [] })
  })

  it('warns after ten sessions', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    let answer: Record<string, unknown> = {}
    for (let i = 0; i < 11; i++) answer = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json()
    expect(answer.warning).toBe('Consider closing old sessions (10+ open)')
    expect(answer.created_at).toMatch(/\+00:00$/)
  })

  it('refuses messages to unknown sessions and nodes without creating anything', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    const unknown = await s.request(`/api/flows/${flowId}/nodes/exec/interact`, { method: 'POST', body: { prompt: 'hi', session_id: 'nope' } })
    expect(unknown.json()).toEqual({ error: 'session nope not found' })
    expect((await s.request(`/api/flows/${flowId}/nodes/bogus/interact`, { method: 'POST', body: { prompt: 'hi' } })).status).toBe(404)
    expect((await s.request(`/api/flows/${flowId}/nodes/exec/interact`, { method: 'POST', body: { prompt: '   ' } })).json()).toEqual({ error: 'prompt is required' })
    expect((await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json()).toEqual({ flow_name: '', active_session: '', sessions: [] })
  })

  it('deleting a session ends its process; the other session keeps its own', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'first session')
    const firstPids = s.backend.launcher.pids()
    const { session_id: second } = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json<{ session_id: string }>()
    await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'second session')
    const secondPid = s.backend.launcher.pids().find((pid) => !firstPids.includes(pid))!
    expect(isAlive(secondPid)).toBe(true)
    const answer = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/${second}`, { method: 'DELETE' })).json<{ active_session: string }>()
    expect(await waitUntilGone([secondPid])).toEqual([])
    expect(firstPids.every(isAlive)).toBe(true)
    const yaml = await readFile(join(s.dataDir, 'sessions.yaml'), 'utf8')
    expect(yaml).not.toContain(second)
    expect(yaml).toContain(answer.active_session)
  })

  it('deleting a flow ends all its processes and removes all its sessions', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'one')
    await turn(s, `/api/flows/${flowId}/nodes/exec2/interact`, 'two')
    const pids = s.backend.launcher.pids()
    expect(pids).toHaveLength(2)
    expect((await s.request(`/api/flows/${flowId}`, { method: 'DELETE' })).status).toBe(200)
    expect(await waitUntilGone(pids)).toEqual([])
    const yaml = await readFile(join(s.dataDir, 'sessions.yaml'), 'utf8')
    expect(yaml).not.toContain(flowId)
    expect((await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json()).toEqual({ flow_name: '', active_session: '', sessions: [] })
  })

  it('reset ends a running flow-level turn and removes the flow-level sessions only', async () => {
    const s = await server()
    const flowId = await createFlow(s)
    await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'node chat stays')
    const nodePids = s.backend.launcher.pids()
    const running = openSse(s.url, `/api/flows/${flowId}/interact`, { token: s.token, body: { prompt: 'slow lead [[slow:1000]]' } })
    await running.waitFor('text_delta')
    const leadPid = s.backend.launcher.pids().find((pid) => !nodePids.includes(pid))!
    expect((await s.request(`/api/flows/${flowId}/interact/reset`, { method: 'POST' })).json()).toEqual({ status: 'reset' })
    await running.ended
    expect(await waitUntilGone([leadPid])).toEqual([])
    expect(nodePids.every(isAlive)).toBe(true)
    expect((await s.request(`/api/flows/${flowId}/interact/sessions`)).json()).toEqual({ flow_name: '', active_session: '', sessions: [] })
    expect((await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ sessions: unknown[] }>().sessions).toHaveLength(1)
  })
})

describe('nothing is left behind', () => {
  it('a server killed with SIGKILL leaves children that the next start ends', async () => {
    const dataDir = await makeTempDir()
    const env = { ...world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: 'sigkill-test-token-0123456789abcdef' }
    const first = await startServe(['--port', '0', '--data-dir', dataDir], env)
    const token = env.SHOGGOTH_TOKEN
    const flowId = (await rawRequest(first.url, '/api/flows', { method: 'POST', body: flowBody(world.workDir), token })).json<{ id: string }>().id
    const slow = openSse(first.url, `/api/flows/${flowId}/nodes/exec/interact`, { token, body: { prompt: 'busy for a while [[slow:3000]]' } })
    await slow.waitFor('text_delta')
    const recorded = (JSON.parse(await readFile(join(dataDir, 'claude-children.json'), 'utf8')) as { pids: number[] }).pids
    expect(recorded).toHaveLength(1)
    first.child.kill('SIGKILL')
    await first.exited
    expect(recorded.every(isAlive)).toBe(true)

    const second = await startServe(['--port', '0', '--data-dir', dataDir], env)
    expect(await waitUntilGone(recorded, 3_000)).toEqual([])
    expect(second.stderr.join('\n')).toContain('left running by a previous run')
    second.child.kill('SIGTERM')
    await second.exited
  })

  it('a clean shutdown ends every child', async () => {
    const s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv })
    const flowId = await createFlow(s)
    await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'warm')
    const busy = openSse(s.url, `/api/flows/${flowId}/nodes/exec2/interact`, { token: s.token, body: { prompt: 'busy [[slow:1000]]' } })
    await busy.waitFor('text_delta')
    const pids = s.backend.launcher.pids()
    expect(pids).toHaveLength(2)
    await s.stop()
    expect(await waitUntilGone(pids, 1_000)).toEqual([])
  })

  it('a working dir that does not exist fails clearly instead of being created', async () => {
    const s = await server()
    const missing = join(world.workDir, 'no-such-dir')
    const body = { name: 'Typo', nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: missing }, position: { x: 0, y: 0 }, label: 'Exec' }] }
    const flowId = (await s.request('/api/flows', { method: 'POST', body })).json<{ id: string }>().id
    const events = await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'hello?')
    expect(events.map((e) => e.event)).toEqual(['error'])
    expect(JSON.parse(events[0]!.data)).toEqual({ message: `failed to spawn claude: working directory ${missing} does not exist` })
    await expect(readFile(join(missing, '.skills', 'Skill.md'))).rejects.toThrow()
  })

  it('a missing claude binary gives a clear error event and leaves the session usable', async () => {
    const s = await server({ claudeBin: '/nonexistent/claude' })
    const flowId = await createFlow(s)
    for (let attempt = 0; attempt < 2; attempt++) {
      const events = await turn(s, `/api/flows/${flowId}/nodes/exec/interact`, 'hello?')
      expect(events.map((e) => e.event)).toEqual(['error'])
      const message = (JSON.parse(events[0]!.data) as { message: string }).message
      expect(message).toContain('failed to spawn claude: /nonexistent/claude was not found')
      expect(message).toContain('npm install -g @anthropic-ai/claude-code')
    }
    const listing = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ sessions: { busy: boolean; message_count: number }[] }>()
    expect(listing.sessions[0]).toMatchObject({ busy: false, message_count: 0 })
  })
})
