// Node-level chat through the REAL claude CLI (against the local Messages API
// stand-in), over real HTTP: streaming, process reuse, tools, busy, stop,
// sessions, re-attach.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { openSse, type ReceivedEvent } from '../support/sse-client'
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

async function flowWithExecutor(name = 'Chat flow'): Promise<string> {
  const res = await server.request('/api/flows', {
    method: 'POST',
    body: {
      name,
      description: 'A flow to chat with',
      nodes: [
        { id: 'feed', node_type: 'source', kind: 'rss', config: { url: 'http://feeds.example/x' }, position: { x: 0, y: 0 }, label: 'Feed' },
        { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'Summarise', working_dir: world.workDir }, position: { x: 1, y: 0 }, label: 'Writer' },
      ],
      edges: [{ id: 'e1', source: 'feed', target: 'exec' }],
    },
  })
  return res.json<{ id: string }>().id
}

function send(flowId: string, prompt: string, sessionId?: string) {
  return openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: server.token, body: { prompt, ...(sessionId ? { session_id: sessionId } : {}) } })
}

const names = (events: ReceivedEvent[]) => events.map((e) => e.event)
const data = <T>(event: ReceivedEvent | undefined) => JSON.parse(event!.data) as T

describe('node chat', () => {
  it('streams system, text_delta…, text, result, done in order; the next turn reuses the process', async () => {
    const flowId = await flowWithExecutor()
    const first = send(flowId, 'hello there')
    await first.ended
    expect(await first.status).toBe(200)
    const kinds = names(first.events)
    expect(kinds[0]).toBe('system')
    expect(data<{ message: string }>(first.events[0]).message).toBe('Session started')
    expect(kinds.filter((k) => k === 'text_delta').length).toBeGreaterThan(1)
    expect(kinds.slice(-3)).toEqual(['text', 'result', 'done'])
    expect(kinds.indexOf('text_delta')).toBeLessThan(kinds.indexOf('text'))
    const deltas = first.events.filter((e) => e.event === 'text_delta').map((e) => data<{ text: string }>(e).text).join('')
    expect(deltas).toBe('Echo: hello there')
    expect(data<{ text: string }>(first.events.find((e) => e.event === 'text'))).toEqual({ text: 'Echo: hello there' })
    const result = data<{ text: string; cost: number; turns: number }>(first.events.find((e) => e.event === 'result'))
    expect(result.text).toBe('Echo: hello there')
    expect(result.cost).toBeGreaterThan(0)
    expect(data(first.events.at(-1))).toEqual({ exit_code: 0 })
    // Every event carries an increasing id.
    expect(first.events.map((e) => Number(e.id))).toEqual(first.events.map((_, i) => i + 1))

    const pidBefore = server.backend.launcher.pids()
    expect(pidBefore).toHaveLength(1)
    const second = send(flowId, 'again')
    await second.ended
    expect(data<{ message: string }>(second.events[0]).message).toBe('Ready')
    expect(names(second.events).slice(-3)).toEqual(['text', 'result', 'done'])
    expect(server.backend.launcher.pids()).toEqual(pidBefore)
    const secondResult = data<{ cost: number }>(second.events.find((e) => e.event === 'result'))

    const listing = (await server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ flow_name: string; sessions: { message_count: number; total_cost: number; busy: boolean; summary: string }[] }>()
    expect(listing.flow_name).toBe('Chat flow [exec]')
    expect(listing.sessions).toHaveLength(1)
    expect(listing.sessions[0]).toMatchObject({ message_count: 2, busy: false, summary: 'hello there' })
    expect(listing.sessions[0]!.total_cost).toBeCloseTo(result.cost + secondResult.cost, 10)
    // Beyond the original: the system event names the session, the result says how the turn ended.
    const sessionId = (listing as unknown as { active_session: string }).active_session
    expect(data<{ session_id: string }>(first.events[0]).session_id).toBe(sessionId)
    expect(data<{ session_id: string }>(second.events[0]).session_id).toBe(sessionId)
    expect(data<{ is_error: boolean; stopped: boolean }>(first.events.find((e) => e.event === 'result'))).toMatchObject({ is_error: false, stopped: false })
  })

  it('writes .skills/ on the first message and records skills_dir in sessions.yaml', async () => {
    const flowId = await flowWithExecutor('Skills flow')
    const turn = send(flowId, 'first')
    await turn.ended
    const skills = join(world.workDir, '.skills')
    expect((await readdir(skills)).sort()).toEqual(expect.arrayContaining(['Skill.md', 'workflow.json']))
    expect(await readFile(join(skills, 'Skill.md'), 'utf8')).toContain('## Flow: Skills flow')
    const yaml = parse(await readFile(join(server.dataDir, 'sessions.yaml'), 'utf8')) as { sessions: Record<string, { sessions: { skills_dir?: string; busy?: unknown; active_pid?: unknown }[] }> }
    const entry = yaml.sessions[`${flowId}::exec`]!
    expect(entry.sessions[0]!.skills_dir).toBe(skills)
    expect(entry.sessions[0]).not.toHaveProperty('busy')
    expect(entry.sessions[0]).not.toHaveProperty('active_pid')
  })

  it('shows tool_use and tool_result for a real Bash call', async () => {
    const flowId = await flowWithExecutor()
    const turn = send(flowId, 'run it [[bash:echo shoggoth-$((6*7))]]')
    await turn.ended
    const use = data<{ tool: string; input: string }>(turn.events.find((e) => e.event === 'tool_use'))
    expect(use.tool).toBe('Bash')
    expect(JSON.parse(use.input)).toMatchObject({ command: 'echo shoggoth-$((6*7))' })
    expect(data<{ content: string }>(turn.events.find((e) => e.event === 'tool_result')).content).toBe('shoggoth-42')
    expect(data<{ text: string }>(turn.events.find((e) => e.event === 'result')).text).toBe('Ran: shoggoth-42')
  })

  it('answers 409 to a message while the session is busy', async () => {
    const flowId = await flowWithExecutor()
    const slow = send(flowId, 'take your time [[slow:150]]')
    await slow.waitFor('text_delta')
    const second = await server.request(`/api/flows/${flowId}/nodes/exec/interact`, { method: 'POST', body: { prompt: 'me too' } })
    expect(second.status).toBe(409)
    expect(second.json()).toEqual({ error: 'session is busy processing a previous message' })
    await slow.ended
    expect(names(slow.events).at(-1)).toBe('done')
  })

  it('stop during a slow turn ends it before the answer ends; the next message works in the same process', async () => {
    const flowId = await flowWithExecutor()
    const slow = send(flowId, 'long answer [[slow:2000]]')
    await slow.waitFor('text_delta')
    const pids = server.backend.launcher.pids()
    const stop = await server.request(`/api/flows/${flowId}/nodes/exec/interact/stop`, { method: 'POST', body: {} })
    expect(stop.json()).toEqual({ status: 'stopped' })
    await slow.ended
    // The answer's last tick (twenty seconds in) never came.
    expect(slow.events.filter((e) => e.event === 'text_delta').map((e) => e.data).join('')).not.toContain('tick 9')
    expect(names(slow.events).at(-1)).toBe('done')
    expect(data<{ is_error: boolean; stopped: boolean }>(slow.events.find((e) => e.event === 'result'))).toMatchObject({ is_error: true, stopped: true })

    const next = send(flowId, 'are you still there')
    await next.ended
    expect(data<{ message: string }>(next.events[0]).message).toBe('Ready')
    expect(data<{ text: string }>(next.events.find((e) => e.event === 'result')).text).toBe('Echo: are you still there')
    expect(server.backend.launcher.pids()).toEqual(pids)
  })

  it('a process that dies mid-turn ends the turn with an error and its real exit code; the next message resumes', async () => {
    const flowId = await flowWithExecutor()
    const before = server.backend.launcher.pids()
    const slow = send(flowId, 'doomed [[slow:500]]')
    await slow.waitFor('text_delta')
    const pid = server.backend.launcher.pids().find((p) => !before.includes(p))!
    process.kill(-pid, 'SIGKILL')
    await slow.ended
    expect(names(slow.events).slice(-2)).toEqual(['error', 'done'])
    expect(data<{ message: string }>(slow.events.at(-2)).message).toMatch(/^claude exited before finishing the turn \(exit code -1, SIGKILL\)$/)
    expect(data(slow.events.at(-1))).toEqual({ exit_code: -1 })
    const listing = (await server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ sessions: { busy: boolean }[] }>()
    expect(listing.sessions[0]!.busy).toBe(false)
    const next = send(flowId, 'again please')
    await next.ended
    expect(data<{ message: string }>(next.events[0]).message).toBe('Session started')
    expect(names(next.events).at(-1)).toBe('done')
  })

  it('a new session gets its own process and its own Claude session id', async () => {
    const flowId = await flowWithExecutor()
    await send(flowId, 'in the first session').ended
    const created = (await server.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json<{ session_id: string }>()
    const before = server.backend.launcher.pids()
    const turn = send(flowId, 'in the second session')
    await turn.ended
    expect(data<{ message: string }>(turn.events[0]).message).toBe('Session started')
    const after = server.backend.launcher.pids()
    expect(after.length).toBe(before.length + 1)
    // The Messages API saw the second conversation without the first one's words.
    const last = world.api.requests.at(-1)!
    expect(JSON.stringify(last.messages)).toContain('in the second session')
    expect(JSON.stringify(last.messages)).not.toContain('in the first session')
    const listing = (await server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions`)).json<{ active_session: string; sessions: { session_id: string; message_count: number }[] }>()
    expect(listing.active_session).toBe(created.session_id)
    expect(listing.sessions.map((s) => s.message_count)).toEqual([1, 1])
  })

  it('re-attaching after a dropped connection replays the missed events', async () => {
    const flowId = await flowWithExecutor()
    const turn = send(flowId, 'slowly now [[slow:120]]')
    const firstDelta = await turn.waitFor('text_delta')
    turn.abort()
    const attach = openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact/stream`, { token: server.token, headers: { 'last-event-id': firstDelta.id! } })
    await attach.ended
    const ids = attach.events.map((e) => Number(e.id))
    expect(ids[0]).toBe(Number(firstDelta.id) + 1)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(names(attach.events).slice(-3)).toEqual(['text', 'result', 'done'])
    const text = [firstDelta, ...attach.events].filter((e) => e.event === 'text_delta').map((e) => data<{ text: string }>(e).text).join('')
    expect(text).toBe(Array.from({ length: 10 }, (_, i) => `tick ${i} `).join(''))
    // The token may travel in the query for EventSource clients.
    const viaQuery = openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact/stream?token=${server.token}`)
    expect(await viaQuery.status).toBe(200)
    await viaQuery.ended
  })
})
