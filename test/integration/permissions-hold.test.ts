// Permissions that hold, through the REAL claude CLI: a "for this session"
// answer is kept with the session (sessions.yaml) and given to its next
// process as --allowedTools, even after a server restart; a warm process that
// was started with other permission settings or another system prompt is
// replaced (resuming the conversation) before the next turn.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import type { Flow, PermissionRequest } from '../../src-main/contract/api'
import { eventData as data, useChatWorld } from '../support/chat-world'
import type { SseCall } from '../support/sse-client'

const chats = useChatWorld()
const { send } = chats
const chatFlow = (config: object) => chats.executorFlow(config, 'Holds')
const asked = (call: SseCall) => call.events.some((e) => e.event === 'permission_request')
const opening = (call: SseCall) => data<{ message: string }>(call.events[0]).message
/** The session's claude processes (their argv names the session). */
const processesOf = (sessionId: string) => chats.server.backend.launcher.children().filter((c) => c.args.includes(sessionId))

/** Changes the executor's config (a PUT, as the editor saves it). */
async function configure(flowId: string, config: object): Promise<void> {
  const flow = (await chats.server.request(`/api/flows/${flowId}`)).json<Flow>()
  const nodes = flow.nodes.map((n) => (n.id === 'exec' ? { ...n, config: { ...(n.config as object), ...config } } : n))
  expect((await chats.server.request(`/api/flows/${flowId}`, { method: 'PUT', body: { nodes } })).status).toBe(200)
}

describe('permissions that hold', { timeout: 120_000 }, () => {
  it('"for this session" survives a restart of the server: the same command in the same session is not asked', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const first = send(flowId, '[[bash:touch held.txt]]')
    const question = data<PermissionRequest>(await first.waitFor('permission_request'))
    await chats.server.request(`/api/permissions/${question.id}`, { method: 'POST', body: { behavior: 'allow', scope: 'session' } })
    await first.ended
    expect(existsSync(join(dir, 'held.txt'))).toBe(true)
    const sessionId = question.session_id!
    // Kept with the session.
    await chats.server.restart()
    const yaml = parse(await readFile(join(chats.server.dataDir, 'sessions.yaml'), 'utf8')) as { sessions: Record<string, { sessions: { session_id: string; session_rules?: string[] }[] }> }
    expect(yaml.sessions[`${flowId}::exec`]!.sessions.find((s) => s.session_id === sessionId)!.session_rules).toContain('Bash(touch held.txt)')

    const after = send(flowId, 'again [[bash:touch held.txt]]', sessionId)
    await after.ended
    expect(asked(after)).toBe(false)
    expect(after.events.filter((e) => e.event === 'tool_result').map((e) => data<{ content: string; is_error: boolean }>(e))).toEqual([
      expect.objectContaining({ content: '(Bash completed with no output)', is_error: false }),
    ])
    // The new process was told, so the CLI itself did not ask.
    expect(chats.server.backend.launcher.children().some((c) => c.args.includes('Bash(touch held.txt)'))).toBe(true)

    // Another session of the same node is asked as before.
    const other = (await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json<{ session_id: string }>().session_id
    const third = send(flowId, '[[bash:touch held.txt]]', other)
    const again = data<PermissionRequest>(await third.waitFor('permission_request'))
    await chats.server.request(`/api/permissions/${again.id}`, { method: 'POST', body: { behavior: 'deny' } })
    await third.ended
  })

  it('a warm process started with other permission settings is replaced: the next turn resumes in a new process with the new flags', async () => {
    const { flowId, dir } = await chatFlow({ permission_mode: 'ask' })
    const first = send(flowId, 'remember the word quince')
    await first.ended
    const sessionId = data<{ session_id: string }>(first.events[0]).session_id
    const [before] = processesOf(sessionId).map((c) => c.pid)
    const same = send(flowId, 'still here?')
    await same.ended
    expect(opening(same)).toBe('Ready')
    expect(processesOf(sessionId).map((c) => c.pid)).toEqual([before])

    await configure(flowId, { permission_mode: 'skip' })
    const turn = send(flowId, 'now [[bash:touch unasked.txt]]')
    await turn.ended
    expect(opening(turn)).toBe('Session started')
    expect(asked(turn)).toBe(false)
    expect(existsSync(join(dir, 'unasked.txt'))).toBe(true)
    const now = processesOf(sessionId)
    expect(now).toHaveLength(1)
    expect(now[0]!.pid).not.toBe(before)
    expect(now[0]!.args).toEqual(expect.arrayContaining(['--dangerously-skip-permissions', '--resume']))
    // The conversation went on.
    expect(JSON.stringify(chats.world.api.requests.at(-1)!.messages)).toContain('remember the word quince')

    // Back to asking: replaced again, and asked again.
    await configure(flowId, { permission_mode: 'ask', permissions: [] })
    const asking = send(flowId, '[[bash:touch asked.txt]]')
    const question = data<PermissionRequest>(await asking.waitFor('permission_request'))
    await chats.server.request(`/api/permissions/${question.id}`, { method: 'POST', body: { behavior: 'deny' } })
    await asking.ended
    expect(opening(asking)).toBe('Session started')
  })

  it('a changed system prompt replaces the warm process too, and the new one gets it', async () => {
    const { flowId } = await chatFlow({ permission_mode: 'skip', append_system_prompt: 'Answer in English.' })
    await send(flowId, 'hello').ended
    expect(JSON.stringify(chats.world.api.requests.at(-1)!.system)).toContain('Answer in English.')
    await configure(flowId, { append_system_prompt: 'Answer in French.' })
    const turn = send(flowId, 'bonjour')
    await turn.ended
    expect(opening(turn)).toBe('Session started')
    const system = JSON.stringify(chats.world.api.requests.at(-1)!.system)
    expect(system).toContain('Answer in French.')
    expect(system).toContain('one executor step of the Shoggoth flow')
    expect(JSON.stringify(chats.world.api.requests.at(-1)!.messages)).toContain('hello')
  })
})
