// Sessions under stress (issue 11): many chat sessions of one node, each with its
// own real `claude`, all chatting at once. Every turn ends with `done`, none stays
// busy, the counts and costs in sessions.yaml are what the clients saw, and once
// the sessions are deleted no claude (nor anything it started) is left. 8 sessions
// × 2 turns here; SOAK_SESSIONS and SOAK_SESSION_SECONDS (turns until then) scale it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { taggedFor } from '../support/descendants'
import { waitUntilGone } from '../support/processes'
import { startTestServer, type TestServer } from '../support/server'
import { openSse } from '../support/sse-client'

const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 8)
const SECONDS = Number(process.env.SOAK_SESSION_SECONDS ?? 0)
const TURNS = 2

let world: ClaudeWorld
let s: TestServer
beforeAll(async () => {
  world = await startClaudeWorld()
  s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, maxLiveSessions: SESSIONS })
})
afterAll(async () => {
  await s.stop()
  await world.close()
})

interface Seen {
  turns: number
  cost: number
  latencies: number[]
  problems: string[]
}

/** One client: turns on its own session, one after another; what it saw. */
async function chat(base: string, sessionId: string, more: (done: number) => boolean): Promise<Seen> {
  const seen: Seen = { turns: 0, cost: 0, latencies: [], problems: [] }
  for (let n = 0; more(n); n++) {
    const started = performance.now()
    const turn = openSse(s.url, base, { token: s.token, body: { prompt: `turn ${n} [[deltas:20]]`, session_id: sessionId } })
    const whole = await turn.finished
    seen.latencies.push(performance.now() - started)
    const names = turn.events.map((e) => e.event)
    const result = turn.events.find((e) => e.event === 'result')
    if (!whole || names.at(-1) !== 'done' || turn.events.at(-1)?.data !== '{"exit_code":0}' || !result) {
      seen.problems.push(`session ${sessionId} turn ${n}: ${whole ? '' : 'cut off, '}${names.join(' ')} ${turn.events.at(-1)?.data ?? ''}`)
      continue
    }
    seen.turns++
    seen.cost += (JSON.parse(result.data) as { cost: number }).cost
  }
  return seen
}

it(`${SESSIONS} sessions chatting at once with the real claude: every turn answered, counts and costs kept, nothing left after delete`, { timeout: 120_000 + SECONDS * 2_000 }, async () => {
  const exec = { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' }
  const flowId = (await s.request('/api/flows', { method: 'POST', body: { name: 'Crowd', nodes: [exec] } })).json<{ id: string }>().id
  const base = `/api/flows/${flowId}/nodes/exec/interact`
  // A spare that never chats: the last session of a node cannot be deleted.
  await s.request(`${base}/new`, { method: 'POST' })
  const ids: string[] = []
  for (let i = 0; i < SESSIONS; i++) ids.push((await s.request(`${base}/new`, { method: 'POST' })).json<{ session_id: string }>().session_id)

  const end = performance.now() + SECONDS * 1000
  const started = performance.now()
  const clients = await Promise.all(ids.map((id) => chat(base, id, (n) => (SECONDS > 0 ? performance.now() < end : n < TURNS))))
  const seconds = (performance.now() - started) / 1000
  expect(clients.flatMap((c) => c.problems)).toEqual([])
  const claudes = s.backend.launcher.pids()
  expect(claudes).toHaveLength(SESSIONS)

  const listing = (await s.request(`${base}/sessions`)).json<{ sessions: { session_id: string; message_count: number; total_cost: number; busy: boolean }[] }>().sessions
  expect(listing.filter((session) => session.busy)).toEqual([])
  const yaml = parse(await readFile(join(s.dataDir, 'sessions.yaml'), 'utf8')) as { sessions: Record<string, { sessions: { session_id: string; message_count: number; total_cost: number }[] }> }
  const saved = new Map(Object.values(yaml.sessions).flatMap((entry) => entry.sessions).map((session) => [session.session_id, session]))
  ids.forEach((id, i) => {
    expect(saved.get(id)?.message_count, `turns of ${id} in sessions.yaml`).toBe(clients[i]!.turns)
    expect(saved.get(id)?.total_cost, `cost of ${id} in sessions.yaml`).toBeCloseTo(clients[i]!.cost, 6)
  })

  for (const id of ids) expect((await s.request(`${base}/sessions/${id}`, { method: 'DELETE' })).status).toBe(200)
  expect(await waitUntilGone([...claudes, ...taggedFor(s.dataDir)])).toEqual([])
  expect(s.backend.launcher.size).toBe(0)

  const latencies = clients.flatMap((c) => c.latencies).sort((a, b) => a - b)
  const turns = clients.reduce((sum, c) => sum + c.turns, 0)
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))]!.toFixed(0)
  console.log(`sessions under stress: ${SESSIONS} sessions, ${turns} turns in ${seconds.toFixed(1)} s (${(turns / seconds).toFixed(1)} turns/s), turn p50 ${at(50)} ms, p99 ${at(99)} ms; all answered, none busy, counts and costs kept, every claude gone after delete`)
})
