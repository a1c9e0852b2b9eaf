// Flow-level chat (the lead agent), the raw /claude proxy, prompt summarising
// and node session info — through the REAL claude CLI.
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

async function createFlow(): Promise<string> {
  const body = {
    name: 'Lead flow',
    description: 'Collects release notes',
    nodes: [
      { id: 'src', node_type: 'source', kind: 'rss', config: { url: 'http://x' }, position: { x: 0, y: 0 }, label: 'Releases' },
      { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'prompts/notes.md', permissions: ['Read', 7, 'Bash'], append_system_prompt: 'Be terse.', working_dir: world.workDir }, position: { x: 1, y: 0 }, label: 'Writer' },
      { id: 'out', node_type: 'sink', kind: 'slack', config: { webhook_url_env: 'HOOK' }, position: { x: 2, y: 0 }, label: 'Team' },
    ],
  }
  return (await server.request('/api/flows', { method: 'POST', body })).json<{ id: string }>().id
}

const data = <T>(event: ReceivedEvent | undefined) => JSON.parse(event!.data) as T

describe('flow-level chat', () => {
  it('runs one process per message, announces the session, streams and resumes', async () => {
    const flowId = await createFlow()
    const first = openSse(server.url, `/api/flows/${flowId}/interact`, { token: server.token, body: { prompt: 'what do you lead' } })
    await first.ended
    const names = first.events.map((e) => e.event)
    expect(names[0]).toBe('system')
    expect(data(first.events[0])).toMatchObject({ message: 'Session initialized' })
    expect(names).toContain('text_delta')
    expect(names.slice(-3)).toEqual(['text', 'result', 'done'])
    expect(data(first.events.at(-1))).toEqual({ exit_code: 0 })
    // The lead agent got its own system prompt with the flow's facts and the appendix.
    const system = JSON.stringify(world.api.requests.at(-1)!.system)
    expect(system).toContain('Lead flow')
    expect(system).toContain('1 source(s): rss (Releases)')
    expect(system).toContain('Be terse.')
    expect(server.backend.launcher.size).toBe(0)

    // The prompt reaches the model as written (no stray "-" in front of it).
    expect(data<{ text: string }>(first.events.find((e) => e.event === 'result')).text).toBe('Echo: what do you lead')
    const second = openSse(server.url, `/api/flows/${flowId}/interact`, { token: server.token, body: { prompt: 'and now' } })
    await second.ended
    expect(JSON.stringify(world.api.requests.at(-1)!.messages)).toContain('what do you lead')
    const listing = (await server.request(`/api/flows/${flowId}/interact/sessions`)).json<{ flow_name: string; sessions: { message_count: number; total_cost: number }[] }>()
    expect(listing.flow_name).toBe('Lead flow')
    expect(listing.sessions[0]!.message_count).toBe(2)
    const costs = [first, second].map((call) => data<{ cost: number }>(call.events.find((e) => e.event === 'result')).cost)
    expect(listing.sessions[0]!.total_cost).toBeCloseTo(costs[0]! + costs[1]!, 10)
  })

  it('stop ends the running process; the session is usable again', async () => {
    const flowId = await createFlow()
    const slow = openSse(server.url, `/api/flows/${flowId}/interact`, { token: server.token, body: { prompt: 'slow [[slow:2000]]' } })
    await slow.waitFor('text_delta')
    expect((await server.request(`/api/flows/${flowId}/interact/stop`, { method: 'POST', body: '', headers: { 'content-type': 'application/json' } })).json()).toEqual({ status: 'stopped' })
    await slow.ended
    expect(slow.events.at(-1)!.event).toBe('done')
    expect(data<{ exit_code: number }>(slow.events.at(-1)).exit_code).not.toBe(0)
    const next = openSse(server.url, `/api/flows/${flowId}/interact`, { token: server.token, body: { prompt: 'fine now' } })
    await next.ended
    expect(data(next.events.at(-1))).toEqual({ exit_code: 0 })
  })
})

describe('POST /claude', () => {
  it('streams stdout lines as unnamed events, then done with the exit status', async () => {
    const call = openSse(server.url, '/claude', { token: server.token, body: { prompt: 'plain words', working_dir: world.workDir } })
    await call.ended
    expect(call.events[0]).toMatchObject({ event: 'message', data: 'Echo: plain words' })
    expect(call.events.at(-1)).toMatchObject({ event: 'done', data: 'exit: exit status: 0' })
  })

  it('reports a spawn failure as one unnamed error event', async () => {
    const call = openSse(server.url, '/claude', { token: server.token, body: { prompt: 'x', working_dir: '/nonexistent/dir' } })
    await call.ended
    expect(call.events.map((e) => e.event)).toEqual(['message'])
    expect(call.events[0]!.data).toBe('error: failed to spawn claude: working directory /nonexistent/dir does not exist')
  })
})

describe('POST /api/prompts/summarize', () => {
  it('returns the JSON the CLI answered, even fenced', async () => {
    const draft = '```json\n{"title": "Weekly notes", "summary": "Summarise {{content}}", "tags": ["notes", 3, "weekly"]}\n```'
    const res = await server.request('/api/prompts/summarize', { method: 'POST', body: { transcript: `[user] make notes [[reply:${draft}]]`, flow_name: 'Lead flow' } })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ title: 'Weekly notes', summary: 'Summarise {{content}}', tags: ['notes', 'weekly'] })
  })

  it('falls back to the raw answer when it is not JSON', async () => {
    const res = await server.request('/api/prompts/summarize', { method: 'POST', body: { transcript: '[user] hi [[reply:not json at all]]', flow_name: 'Lead flow' } })
    expect(res.json()).toEqual({ title: 'Prompt from Lead flow', summary: 'not json at all', tags: [] })
  })

  it('is POST only, and validates its body', async () => {
    const get = await server.request('/api/prompts/summarize')
    expect(get.status).toBe(405)
    expect(get.headers.allow).toBe('POST')
    expect((await server.request('/api/prompts/summarize', { method: 'PATCH' })).headers.allow).toBe('POST')
    expect((await server.request('/api/prompts/summarize', { method: 'POST', body: { transcript: 't' } })).status).toBe(422)
  })
})

describe('node session info', () => {
  it('describes an executor from its config', async () => {
    const flowId = await createFlow()
    const info = (await server.request(`/api/flows/${flowId}/nodes/exec/session`)).json()
    expect(info).toEqual({
      flow_id: flowId,
      flow_name: 'Lead flow',
      prompt: 'prompts/notes.md',
      permissions: ['Read', 'Bash'],
      append_system_prompt: 'Be terse.',
      working_dir: world.workDir,
      sources_summary: 'N/A (node-level chat)',
      sinks_summary: 'N/A (node-level chat)',
    })
    expect((await server.request(`/api/flows/${flowId}/nodes/src/session`)).json()).toEqual({ error: "executor node 'src' not found in flow" })
  })
})
