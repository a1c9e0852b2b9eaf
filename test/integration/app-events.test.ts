// GET /api/events: the one app-wide stream a window holds — permission
// questions, chat turns and every flow's runs ending on a single connection,
// what is pending or running first on every connect — through the REAL claude
// CLI and real HTTP.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FlowRun, PermissionRequest, PermissionSettled, RunFinished } from '../../src-main/contract/api'
import type { ChatTurnEnded, ChatTurnStarted } from '../../src-main/contract/chat'
import { useChatWorld } from '../support/chat-world'
import { openSse, type ReceivedEvent } from '../support/sse-client'

const chat = useChatWorld()
const data = <T>(event: ReceivedEvent | undefined): T => JSON.parse(event!.data) as T
const events = () => openSse(chat.server.url, `/api/events?token=${chat.server.token}`)

describe('the app-wide event stream', { timeout: 120_000 }, () => {
  it('carries a turn starting, its permission question, the answer and the turn ending, and replays what is open on connect', async () => {
    const { flowId } = await chat.executorFlow({ permission_mode: 'ask' }, 'Events')
    const stream = events()
    expect(await stream.status).toBe(200)

    const turn = chat.send(flowId, 'make it [[bash:touch made.txt]]')
    const started = data<ChatTurnStarted>(await stream.waitFor('turn_started'))
    expect(started).toEqual({ flow_id: flowId, node_id: 'exec', session_id: expect.any(String) })
    const asked = data<PermissionRequest>(await stream.waitFor('permission_request'))
    expect(asked).toMatchObject({ flow_id: flowId, node_id: 'exec', session_id: started.session_id, tool_name: 'Bash' })

    // A window opened now gets both the open question and the running turn first.
    const late = events()
    await late.waitFor('permission_request')
    await late.waitFor('turn_started')
    expect(late.events.map((event) => event.event)).toEqual(['permission_request', 'turn_started'])
    expect(data<PermissionRequest>(late.events[0]).id).toBe(asked.id)
    late.abort()

    expect((await chat.server.request(`/api/permissions/${asked.id}`, { method: 'POST', body: { behavior: 'allow' } })).status).toBe(200)
    expect(data<PermissionSettled>(await stream.waitFor('permission_settled')).id).toBe(asked.id)
    await turn.ended
    const ended = data<ChatTurnEnded>(await stream.waitFor('turn_ended'))
    expect(ended).toMatchObject({ flow_id: flowId, session_id: started.session_id, outcome: 'done' })
    expect(stream.events.map((event) => event.event)).toEqual(['turn_started', 'permission_request', 'permission_settled', 'turn_ended'])
    stream.abort()
  })

  it('tells of each run of any flow ending exactly once, with the flow name, the outcome and what started it', async () => {
    const node = (id: string, node_type: string, kind: string, config: object) => ({ id, node_type, kind, config, position: { x: 0, y: 0 }, label: id })
    const create = async (body: object) => (await chat.server.request('/api/flows', { method: 'POST', body })).json<{ id: string }>().id
    const writer = (reply: string) => node('x', 'executor', 'claude-code', { prompt: `Go [[reply:${reply}]]`, working_dir: chat.world.workDir })
    const digest = await create({ name: 'Daily digest', nodes: [node('hook', 'trigger', 'webhook', { path: 'digest-now' }), writer('Three stories today')], edges: [{ id: 'e', source: 'hook', target: 'x' }] })
    const broken = await create({ name: 'Broken', nodes: [node('x', 'executor', 'claude-code', { prompt: 'Go', working_dir: join(chat.world.workDir, 'missing') })] })
    const quick = await create({ name: 'Quick', nodes: [writer('done')] })
    const stream = events()
    expect(await stream.status).toBe(200)
    const finished = () => stream.events.filter((event) => event.event === 'run_finished').map((event) => data<RunFinished>(event))
    const until = async (count: number) => {
      const end = Date.now() + 30_000
      while (finished().length < count) {
        if (Date.now() > end) throw new Error(`${finished().length} of ${count} runs told of`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    expect((await chat.server.request('/api/webhooks/digest-now', { method: 'POST', body: 'go', headers: { 'content-type': 'text/plain' } })).status).toBe(202)
    expect((await chat.server.request(`/api/flows/${broken}/trigger`, { method: 'POST' })).status).toBe(202)
    await until(2)
    // A run ended after both: anything the first two sent twice would have come before it.
    expect((await chat.server.request(`/api/flows/${quick}/trigger`, { method: 'POST' })).status).toBe(202)
    await until(3)

    const runOf = async (flowId: string) => (await chat.server.request(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs[0]!
    const [digestRun, brokenRun, quickRun] = await Promise.all([runOf(digest), runOf(broken), runOf(quick)])
    const byFlow = new Map(finished().map((event) => [event.flow_id, event]))
    expect(finished()).toHaveLength(3)
    expect(byFlow.get(digest)).toEqual({
      flow_id: digest,
      flow_name: 'Daily digest',
      run_id: digestRun.id,
      status: 'success',
      message: expect.stringMatching(/^Completed in \d+\.\ds$/),
      trigger: 'webhook',
      started_at: digestRun.started_at,
      finished_at: digestRun.finished_at,
      last_output: 'Three stories today',
    })
    expect(byFlow.get(broken)).toMatchObject({ flow_name: 'Broken', run_id: brokenRun.id, status: 'failed', message: brokenRun.error, trigger: 'manual' })
    expect(brokenRun.error).toMatch(/working directory .* does not exist/)
    expect(byFlow.get(quick)).toMatchObject({ flow_name: 'Quick', run_id: quickRun.id, status: 'success' })
    // Nothing but the run ends: runs say nothing else on this stream.
    expect(stream.events.map((event) => event.event)).toEqual(['run_finished', 'run_finished', 'run_finished'])

    // A run's end is not replayed to a window that connects later.
    const late = events()
    expect(await late.status).toBe(200)
    expect((await chat.server.request(`/api/flows/${quick}/trigger`, { method: 'POST' })).status).toBe(202)
    const next = data<RunFinished>(await late.waitFor('run_finished'))
    expect(next).toMatchObject({ flow_id: quick, status: 'success' })
    expect(late.events).toHaveLength(1)
    late.abort()
    stream.abort()
  })

  it('asks for the token like every route', async () => {
    const refused = openSse(chat.server.url, '/api/events')
    expect(await refused.status).toBe(401)
  })
})
