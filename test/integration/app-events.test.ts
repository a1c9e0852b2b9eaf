// GET /api/events: the one app-wide stream a window holds — permission
// questions and chat turns on a single connection, what is pending or running
// first on every connect — through the REAL claude CLI and real HTTP.
import { describe, expect, it } from 'vitest'
import type { PermissionRequest, PermissionSettled } from '../../src-main/contract/api'
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

  it('asks for the token like every route', async () => {
    const refused = openSse(chat.server.url, '/api/events')
    expect(await refused.status).toBe(401)
  })
})
