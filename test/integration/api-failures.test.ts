// When the model API fails, through the REAL claude CLI: retries show as
// `status` retrying events with the CLI's count and cause, then the answer; a
// failure for good is an `error` with its cause, never a reply — in node chats,
// lead-agent chats and runs. CLAUDE_CODE_MAX_RETRIES keeps the CLI's backoff
// (0.5 s, doubling) short; only the tests set it.
import { describe, expect, it } from 'vitest'
import type { ChatResultData, ChatStatusData } from '../../src-main/contract/chat'
import { eventsNamed as all, useChatWorld } from '../support/chat-world'
import { node, runHelpers, untilEnd } from '../support/run-flows'
import { openSse } from '../support/sse-client'

const chats = useChatWorld({ childEnv: { CLAUDE_CODE_MAX_RETRIES: '2' } })
const { createFlow, live, trigger, runsOf } = runHelpers(() => chats.server)
const chatFlow = async () => (await chats.executorFlow({}, 'Flaky')).flowId

describe('API failures', { timeout: 120_000 }, () => {
  it('500 twice, then an answer: two retrying events with attempt and cause, then the reply', async () => {
    const flowId = await chatFlow()
    const turn = chats.send(flowId, 'flaky hello [[fail:500:2]]')
    await turn.ended
    const retries = all<ChatStatusData>(turn, 'status').filter((s) => s.state === 'retrying')
    expect(retries).toEqual([
      { state: 'retrying', attempt: 1, max_retries: 2, delay_ms: expect.any(Number), cause: 'HTTP 500: server_error' },
      { state: 'retrying', attempt: 2, max_retries: 2, delay_ms: expect.any(Number), cause: 'HTTP 500: server_error' },
    ])
    const names = turn.events.map((e) => e.event)
    expect(names.lastIndexOf('status')).toBeLessThan(names.indexOf('text'))
    expect(all<{ text: string }>(turn, 'text')).toEqual([{ text: 'Echo: flaky hello [[fail:500:2]]' }])
    expect(all<ChatResultData>(turn, 'result')[0]).toMatchObject({ is_error: false, text: 'Echo: flaky hello [[fail:500:2]]' })
    expect(names).not.toContain('error')
  })

  it('failing for good: an error with the cause, no reply, an error result; the session goes on', async () => {
    const flowId = await chatFlow()
    const send = (prompt: string) => chats.send(flowId, prompt)
    const turn = send('doomed [[fail-always:500]]')
    await turn.ended
    expect(all(turn, 'status').filter((s) => (s as ChatStatusData).state === 'retrying')).toHaveLength(2)
    const [error] = all<{ message: string }>(turn, 'error')
    expect(error!.message).toMatch(/^API error: 500 Stand-in failure 3\b/)
    expect(all(turn, 'text')).toEqual([])
    expect(turn.events.filter((e) => e.event === 'text_delta')).toEqual([])
    expect(all<ChatResultData>(turn, 'result')).toEqual([expect.objectContaining({ is_error: true, text: '', stopped: false })])
    expect(turn.events.at(-1)!.event).toBe('done')

    // The process stays usable: the next message is answered.
    const next = send('better now')
    await next.ended
    expect(all(next, 'text')).toEqual([{ text: 'Echo: better now' }])
  })

  it('the lead agent too: an error, not a reply', async () => {
    const flowId = await chatFlow()
    const turn = openSse(chats.server.url, `/api/flows/${flowId}/interact`, { token: chats.server.token, body: { prompt: 'lead doomed [[fail-always:529]]' } })
    await turn.ended
    expect(all<{ message: string }>(turn, 'error')[0]!.message).toMatch(/^API error: /)
    expect(all(turn, 'text')).toEqual([])
    expect(all<ChatResultData>(turn, 'result')).toEqual([expect.objectContaining({ is_error: true, text: '' })])
  })

  it('a run whose executor API fails for good fails the node with that message', async () => {
    const flowId = await createFlow({ name: 'Doomed run', nodes: [node('when', 'trigger', 'manual', {}), node('x', 'executor', 'claude-code', { prompt: 'summarise [[fail-always:500]]', working_dir: chats.world.workDir })] })
    const stream = await live(flowId)
    expect((await trigger(flowId)).status).toBe(202)
    const events = await untilEnd(stream)
    stream.abort()
    const failed = events.find((e) => e.event_type === 'node_failed' && e.node_id === 'x')
    expect(failed!.message).toMatch(/^Failed: API error: 500 Stand-in failure 3\b/)
    const [run] = await runsOf(flowId)
    expect(run!.status).toBe('failed')
    expect(run!.node_runs.find((n) => n.node_id === 'x')!.output_preview).toMatch(/^Failed: API error: 500/)
  })
})
