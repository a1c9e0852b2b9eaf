// Tool permissions in chats, through the REAL claude CLI against the Messages
// API stand-in: a Bash call that needs permission (`touch`) is asked over
// stdio, shows up at /api/permissions and on both streams, and is answered
// over the API — once, for the session, or always (across a restart).
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PermissionRequest, PermissionSettled } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { quietHome } from '../support/quiet-home'
import { openSse, type ReceivedEvent, type SseCall } from '../support/sse-client'
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

/** A flow with one executor in its own working dir (so "always" rules of one test do not reach another). */
async function chatFlow(config: object): Promise<{ flowId: string; dir: string }> {
  const dir = await mkdtemp(join(world.workDir, 'perm-'))
  const res = await server.request('/api/flows', {
    method: 'POST',
    body: { name: 'Perms', nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: dir, ...config }, position: { x: 0, y: 0 }, label: 'Writer' }] },
  })
  return { flowId: res.json<{ id: string }>().id, dir }
}

const send = (flowId: string, prompt: string, sessionId?: string) =>
  openSse(server.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: server.token, body: { prompt, ...(sessionId ? { session_id: sessionId } : {}) } })
const watch = () => openSse(server.url, `/api/permissions/stream?token=${server.token}`)
const data = <T>(event: ReceivedEvent | undefined) => JSON.parse(event!.data) as T
const answer = (id: string, body: object | string) => server.request(`/api/permissions/${id}`, { method: 'POST', body })
const toolResults = (call: SseCall) => call.events.filter((e) => e.event === 'tool_result').map((e) => data<{ content: string }>(e).content)

describe('ask mode in a node chat', { timeout: 120_000 }, () => {
  it('a Bash call that needs permission waits at /api/permissions and on both streams; allow runs it', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const global = watch()
    const turn = send(flowId, 'make it [[bash:touch made.txt]]')
    const asked = data<PermissionRequest>(await turn.waitFor('permission_request'))
    expect(asked).toMatchObject({ flow_id: flowId, node_id: 'exec', run_id: null, tool_name: 'Bash', input: { command: 'touch made.txt' } })
    expect(asked.session_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(asked.suggestions.length).toBeGreaterThan(0)
    expect(data<PermissionRequest>(await global.waitFor('permission_request'))).toEqual(asked)
    expect((await server.request('/api/permissions')).json<{ permissions: PermissionRequest[] }>().permissions).toEqual([asked])
    expect(existsSync(join(dir, 'made.txt'))).toBe(false)

    // A reloaded UI gets the pending question again, first thing.
    const again = watch()
    expect(data<PermissionRequest>(await again.waitFor('permission_request'))).toEqual(asked)
    again.abort()

    // Malformed answers name the field; unknown ids are 404.
    expect((await answer(asked.id, {})).json<{ error: string }>().error).toMatch(/behavior/)
    const badScope = await answer(asked.id, { behavior: 'allow', scope: 'forever' })
    expect(badScope.status).toBe(422)
    expect(badScope.json<{ error: string }>().error).toMatch(/^invalid request body: scope/)
    expect((await answer(asked.id, { behavior: 'allow', updated_input: 'x' })).status).toBe(422)
    expect((await answer('no-such-request', { behavior: 'allow' })).status).toBe(404)

    const allowed = await answer(asked.id, { behavior: 'allow' })
    expect(allowed.status).toBe(200)
    expect(allowed.json<{ settled: PermissionSettled }>().settled).toMatchObject({ id: asked.id, outcome: 'allowed', scope: 'once', message: null })
    await turn.ended
    expect(existsSync(join(dir, 'made.txt'))).toBe(true)
    expect(toolResults(turn)).toEqual(['(Bash completed with no output)'])
    expect(data<PermissionSettled>(turn.events.find((e) => e.event === 'permission_settled')).outcome).toBe('allowed')
    expect(data<PermissionSettled>(await global.waitFor('permission_settled')).id).toBe(asked.id)
    global.abort()

    const second = await answer(asked.id, { behavior: 'deny' })
    expect(second.status).toBe(409)
    expect(second.json<{ error: string }>().error).toMatch(/already settled \(allowed\)/)
    expect((await server.request('/api/permissions')).json<{ permissions: unknown[] }>().permissions).toEqual([])
  })

  it('a deny puts its message in the tool result; the model reads it', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const turn = send(flowId, '[[bash:touch nope.txt]]')
    const asked = data<PermissionRequest>(await turn.waitFor('permission_request'))
    const denied = await answer(asked.id, { behavior: 'deny', message: 'Not in this folder, please' })
    expect(denied.json<{ settled: PermissionSettled }>().settled).toMatchObject({ outcome: 'denied', message: 'Not in this folder, please' })
    await turn.ended
    expect(existsSync(join(dir, 'nope.txt'))).toBe(false)
    expect(toolResults(turn)).toEqual(['Not in this folder, please'])
    expect(data<{ text: string }>(turn.events.find((e) => e.event === 'result')).text).toBe('Ran: Not in this folder, please')
  })

  it('a deny without a message says "Denied in Shoggoth"', async () => {
    const { flowId } = await chatFlow({ permission_mode: 'ask' })
    const turn = send(flowId, '[[bash:touch nope.txt]]')
    const asked = data<PermissionRequest>(await turn.waitFor('permission_request'))
    await answer(asked.id, { behavior: 'deny' })
    await turn.ended
    expect(toolResults(turn)).toEqual(['Denied in Shoggoth'])
  })

  it('"session" scope: the same command is not asked again in that session, but is in another one', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const first = send(flowId, '[[bash:touch twice.txt]]')
    const asked = data<PermissionRequest>(await first.waitFor('permission_request'))
    await answer(asked.id, { behavior: 'allow', scope: 'session' })
    await first.ended
    const second = send(flowId, 'again [[bash:touch twice.txt]]', asked.session_id!)
    await second.ended
    expect(second.events.some((e) => e.event === 'permission_request')).toBe(false)
    expect(toolResults(second)).toEqual(['(Bash completed with no output)'])

    const other = (await server.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json<{ session_id: string }>().session_id
    const third = send(flowId, '[[bash:touch twice.txt]]', other)
    const askedAgain = data<PermissionRequest>(await third.waitFor('permission_request'))
    expect(askedAgain.session_id).toBe(other)
    await answer(askedAgain.id, { behavior: 'deny' })
    await third.ended
    expect(existsSync(join(dir, 'twice.txt'))).toBe(true)
  })

  it('"always" is kept where the CLI keeps such rules and is not asked again after a restart', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const first = send(flowId, '[[bash:touch kept.txt]]')
    const asked = data<PermissionRequest>(await first.waitFor('permission_request'))
    await answer(asked.id, { behavior: 'allow', scope: 'always' })
    await first.ended
    expect(toolResults(first)).toEqual(['(Bash completed with no output)'])
    // The CLI followed its own suggestion (its local settings in the working dir)…
    const cliSettings = JSON.parse(await readFile(join(dir, '.claude', 'settings.local.json'), 'utf8')) as { permissions: { allow: string[] } }
    expect(cliSettings.permissions.allow).toContain('Bash(touch kept.txt)')
    // …and the app keeps its copy, which later processes get as --allowedTools.
    const kept = JSON.parse(await readFile(join(server.dataDir, 'permission-rules.json'), 'utf8')) as { working_dirs: Record<string, string[]> }
    expect(kept.working_dirs[dir]).toEqual(['Bash(touch kept.txt)'])

    await server.restart()
    const after = send(flowId, 'once more [[bash:touch kept.txt]]', asked.session_id!)
    await after.ended
    expect(after.events.some((e) => e.event === 'permission_request')).toBe(false)
    expect(toolResults(after)).toEqual(['(Bash completed with no output)'])
    const argv = server.backend.launcher.children().map((c) => c.args)
    expect(argv.some((args) => args.includes('Bash(touch kept.txt)'))).toBe(true)
  })

  it('a question left open when the turn is stopped is settled as cancelled', async () => {
    const { flowId } = await chatFlow({ permission_mode: 'ask' })
    const global = watch()
    const turn = send(flowId, '[[bash:touch stopped.txt]]')
    const asked = data<PermissionRequest>(await turn.waitFor('permission_request'))
    await server.request(`/api/flows/${flowId}/nodes/exec/interact/stop`, { method: 'POST', body: { session_id: asked.session_id } })
    await turn.ended
    expect(data<PermissionSettled>(turn.events.find((e) => e.event === 'permission_settled'))).toMatchObject({ id: asked.id, outcome: 'cancelled' })
    expect(data<PermissionSettled>(await global.waitFor('permission_settled'))).toMatchObject({ id: asked.id, outcome: 'cancelled' })
    global.abort()
    expect((await answer(asked.id, { behavior: 'allow' })).status).toBe(409)
    expect((await server.request('/api/permissions')).json<{ permissions: unknown[] }>().permissions).toEqual([])
  })
})

describe('ask mode in a lead-agent chat', { timeout: 120_000 }, () => {
  it('the one-shot process gets its prompt as stream-json, asks, and ends after its result', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const turn = openSse(server.url, `/api/flows/${flowId}/interact`, { token: server.token, body: { prompt: '[[bash:touch lead.txt]]' } })
    const asked = data<PermissionRequest>(await turn.waitFor('permission_request'))
    expect(asked).toMatchObject({ flow_id: flowId, node_id: null, run_id: null, tool_name: 'Bash' })
    await answer(asked.id, { behavior: 'allow' })
    await turn.ended
    expect(existsSync(join(dir, 'lead.txt'))).toBe(true)
    expect(toolResults(turn)).toEqual(['(Bash completed with no output)'])
    expect(data(turn.events.at(-1))).toEqual({ exit_code: 0 })
    expect(turn.events.some((e) => e.event === 'error')).toBe(false)
  })
})

describe('flows written by the original', { timeout: 120_000 }, () => {
  it('no permission_mode and empty permissions: Bash runs without asking', async () => {
    const { flowId, dir } = await chatFlow({ permissions: [] })
    const turn = send(flowId, '[[bash:touch skipped.txt]]')
    await turn.ended
    expect(turn.events.some((e) => e.event === 'permission_request')).toBe(false)
    expect(existsSync(join(dir, 'skipped.txt'))).toBe(true)
    expect(toolResults(turn)).toEqual(['(Bash completed with no output)'])
  })
})
