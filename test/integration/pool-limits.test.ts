// The live pool's limits with the REAL claude CLI: idle processes close, the
// least recently used goes when too many are alive, a turn that runs too long
// is interrupted — and every session resumes transparently afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { isAlive, waitUntilGone } from '../support/processes'
import { openSse, type ReceivedEvent } from '../support/sse-client'
import { startTestServer, type TestServer } from '../support/server'

let world: ClaudeWorld
beforeAll(async () => {
  world = await startClaudeWorld()
})
afterAll(() => world.close())
const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})

async function setup(overrides: Parameters<typeof startTestServer>[0]) {
  const s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, ...overrides })
  servers.push(s)
  const nodes = ['a', 'b', 'c'].map((id, x) => ({ id, node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: world.workDir }, position: { x, y: 0 }, label: id }))
  const flowId = (await s.request('/api/flows', { method: 'POST', body: { name: 'Pool', nodes } })).json<{ id: string }>().id
  const say = async (node: string, prompt: string): Promise<ReceivedEvent[]> => {
    const call = openSse(s.url, `/api/flows/${flowId}/nodes/${node}/interact`, { token: s.token, body: { prompt } })
    await call.ended
    return call.events
  }
  return { s, flowId, say }
}

const first = (events: ReceivedEvent[]) => (JSON.parse(events[0]!.data) as { message: string }).message

describe('live pool limits', () => {
  it('closes an idle process and resumes the session in a new one', async () => {
    const { s, say } = await setup({ idleTimeoutMs: 400 })
    expect(first(await say('a', 'remember plum'))).toBe('Session started')
    const [pid] = s.backend.launcher.pids()
    expect(await waitUntilGone([pid!], 5_000)).toEqual([])
    const again = await say('a', 'which fruit')
    expect(first(again)).toBe('Session started')
    expect(again.at(-1)!.event).toBe('done')
    expect(JSON.stringify(world.api.requests.at(-1)!.messages)).toContain('remember plum')
  })

  it('closes the least recently used idle process when too many are alive', async () => {
    const { s, say } = await setup({ maxLiveSessions: 2 })
    await say('a', 'one')
    const [pidA] = s.backend.launcher.pids()
    await say('b', 'two')
    await say('a', 'a again') // b is now the least recently used
    const pidB = s.backend.launcher.pids().find((pid) => pid !== pidA)!
    await say('c', 'three')
    expect(await waitUntilGone([pidB])).toEqual([])
    expect(isAlive(pidA!)).toBe(true)
    expect(s.backend.launcher.size).toBe(2)
    expect(first(await say('b', 'back'))).toBe('Session started')
  })

  it('interrupts a turn that runs past the timeout and keeps the process warm', async () => {
    const { s, say } = await setup({ turnTimeoutMs: 2_000 })
    const slow = await say('a', 'forever [[slow:1000]]')
    // Ended before the answer did: its last tick (ten seconds in) never came.
    expect(slow.filter((e) => e.event === 'text_delta').map((e) => e.data).join('')).not.toContain('tick 9')
    const names = slow.map((e) => e.event)
    expect(names.slice(-2)).toEqual(['error', 'done'])
    expect(JSON.parse(slow.at(-2)!.data)).toEqual({ message: 'turn timed out after 2 s' })
    const pids = s.backend.launcher.pids()
    const next = await say('a', 'quick one')
    expect(first(next)).toBe('Ready')
    expect(next.at(-1)!.event).toBe('done')
    expect(s.backend.launcher.pids()).toEqual(pids)
  })
})
