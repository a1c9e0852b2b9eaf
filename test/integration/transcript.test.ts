// Stored transcripts: after a server restart a session's history equals what
// the client saw live (tool calls, approvals, results, costs included), paged
// from the newest entry; lead-agent sessions too; deleting a session removes it.
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PermissionRequest, TranscriptEntry, TranscriptPage } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { quietHome } from '../support/quiet-home'
import { openSse, type SseCall } from '../support/sse-client'
import { startTestServer, type TestServer } from '../support/server'

let world: ClaudeWorld
let server: TestServer

beforeAll(async () => {
  world = await startClaudeWorld()
  server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: quietHome(world) })
})
afterAll(async () => {
  await server.stop()
  await world.close()
})

async function flowWith(config: object): Promise<string> {
  const dir = await mkdtemp(join(world.workDir, 'tr-'))
  const res = await server.request('/api/flows', {
    method: 'POST',
    body: { name: 'History', nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: dir, ...config }, position: { x: 0, y: 0 }, label: 'Writer' }] },
  })
  return res.json<{ id: string }>().id
}

/** A live turn as the client saw it, in the transcript's terms: the user's message, then every event but token deltas and status. */
function asSeen(prompt: string, call: SseCall): { event: string; data: unknown }[] {
  return [
    { event: 'user', data: { text: prompt } },
    ...call.events.filter((e) => e.event !== 'text_delta' && e.event !== 'status').map((e) => ({ event: e.event, data: e.event === 'stderr' ? e.data : (JSON.parse(e.data) as unknown) })),
  ]
}

const page = async (path: string) => {
  const res = await server.request(path)
  expect(res.status).toBe(200)
  return res.json<TranscriptPage>()
}

describe('transcripts', { timeout: 120_000 }, () => {
  it('after a restart equal what the client saw live, tool calls and approvals included; paging works', async () => {
    const flowId = await flowWith({ permission_mode: 'ask' })
    const chat = (prompt: string, sessionId?: string) =>
      openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: server.token, body: { prompt, ...(sessionId ? { session_id: sessionId } : {}) } })

    const first = chat('hello history')
    await first.ended
    const sessionId = (JSON.parse(first.events[0]!.data) as { session_id: string }).session_id
    const second = chat('now [[bash:touch t.txt && echo stored-output]]', sessionId)
    const asked = JSON.parse((await second.waitFor('permission_request')).data) as PermissionRequest
    await server.request(`/api/permissions/${asked.id}`, { method: 'POST', body: { behavior: 'allow' } })
    await second.ended
    const live = [...asSeen('hello history', first), ...asSeen('now [[bash:touch t.txt && echo stored-output]]', second)]
    expect(live.map((e) => e.event)).toEqual(expect.arrayContaining(['tool_use', 'permission_request', 'permission_settled', 'tool_result', 'result']))
    expect(JSON.stringify(live)).toContain('stored-output')

    await server.restart()
    const base = `/api/flows/${flowId}/nodes/exec/interact/sessions/${sessionId}/transcript`
    const all = await page(base)
    expect(all.next_before).toBeNull()
    expect(all.entries.map(({ event, data }) => ({ event, data }))).toEqual(live)
    expect(all.entries.map((e) => e.cursor)).toEqual(live.map((_, i) => String(i)))
    expect(new Set(all.entries.map((e) => e.turn))).toEqual(new Set([0, 1]))

    // Paged from the newest end, oldest first within a page.
    const pages: TranscriptEntry[][] = []
    let before: string | null = ''
    while (before !== null) {
      const next: TranscriptPage = await page(`${base}?limit=3${before ? `&before=${before}` : ''}`)
      pages.push(next.entries)
      before = next.next_before
    }
    expect(pages[0]!.map((e) => e.cursor)).toEqual(all.entries.slice(-3).map((e) => e.cursor))
    expect(pages.reverse().flat()).toEqual(all.entries)

    expect((await server.request(`${base}?limit=zero`)).status).toBe(422)
    expect((await server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/nope/transcript`)).status).toBe(404)
  })

  it('lead-agent sessions have one too; deleting a session removes its transcript', async () => {
    const flowId = await flowWith({ permissions: [] })
    const turn = openSse(server.url, `/api/flows/${flowId}/interact`, { token: server.token, body: { prompt: 'lead [[reply:Planned.]]' } })
    await turn.ended
    const sessions = (await server.request(`/api/flows/${flowId}/interact/sessions`)).json<{ sessions: { session_id: string }[] }>().sessions
    const sessionId = sessions[0]!.session_id
    const stored = await page(`/api/flows/${flowId}/interact/sessions/${sessionId}/transcript`)
    expect(stored.entries.map(({ event, data }) => ({ event, data }))).toEqual(asSeen('lead [[reply:Planned.]]', turn))
    expect(stored.entries.find((e) => e.event === 'result')!.data).toMatchObject({ text: 'Planned.' })

    const file = join(server.dataDir, 'transcripts', `${sessionId}.jsonl`)
    expect(existsSync(file)).toBe(true)
    await server.request(`/api/flows/${flowId}/interact/new`, { method: 'POST' })
    expect((await server.request(`/api/flows/${flowId}/interact/sessions/${sessionId}`, { method: 'DELETE' })).status).toBe(200)
    expect(existsSync(file)).toBe(false)
    expect((await server.request(`/api/flows/${flowId}/interact/sessions/${sessionId}/transcript`)).status).toBe(404)
  })
})
