// The chat stream's richer events through the REAL claude CLI and real HTTP:
// thinking blocks, tool calls with their ids and results with the same
// tool_use_id and is_error, each result's duration and tokens, `status`
// events; and the stored transcript after a restart equals what was seen live.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TranscriptPage } from '../../src-main/contract/api'
import type { ChatResultData, ChatStatusData, ChatThinkingData, ChatToolResultData, ChatToolUseData } from '../../src-main/contract/chat'
import { eventData as data, eventsNamed as all, useChatWorld } from '../support/chat-world'

const chats = useChatWorld()
const chat = chats.send
const skipFlow = () => chats.executorFlow({ permission_mode: 'skip' }, 'Rich')

describe('rich chat events', { timeout: 120_000 }, () => {
  it('a thinking block, then the answer; a result with duration and tokens; status starting, then waiting', async () => {
    const { flowId } = await skipFlow()
    const turn = chat(flowId, 'ponder [[thinking:First I weigh the options.]] [[redacted-thinking]]')
    await turn.ended
    const names = turn.events.map((e) => e.event)
    // The turn still opens with `system` (the original's promise); the states follow it.
    expect(names[0]).toBe('system')
    expect(all<ChatStatusData>(turn, 'status')).toEqual([{ state: 'starting' }, { state: 'waiting' }])
    expect(names.indexOf('status')).toBe(1)
    expect(all<ChatThinkingData>(turn, 'thinking')).toEqual([{ text: 'First I weigh the options.' }, { text: '', redacted: true }])
    expect(names.indexOf('thinking')).toBeLessThan(names.indexOf('text'))
    expect(names.lastIndexOf('status')).toBeLessThan(names.indexOf('thinking'))
    const result = data<ChatResultData>(turn.events.find((e) => e.event === 'result'))
    // The stand-in reports 100 input and 10 output tokens per request.
    expect(result).toMatchObject({ is_error: false, stopped: false, input_tokens: 100, output_tokens: 10, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 })
    expect(result.duration_ms).toBeGreaterThan(0)

    // A warm process: no `starting`, only `waiting`.
    const again = chat(flowId, 'once more')
    await again.ended
    expect(all<ChatStatusData>(again, 'status')).toEqual([{ state: 'waiting' }])
  })

  it('Read then Edit: each tool_use has an id, its tool_result carries it; a failing tool says is_error', async () => {
    const { flowId, dir } = await skipFlow()
    const file = join(dir, 'notes.md')
    await writeFile(file, 'hello world\n')
    const read = `[[tool:Read:{"file_path":"${file}"}]]`
    const edit = `[[tool:Edit:{"file_path":"${file}","old_string":"hello","new_string":"goodbye"}]]`
    const turn = chat(flowId, `change it ${read} ${edit}`)
    await turn.ended
    expect(await readFile(file, 'utf8')).toBe('goodbye world\n')
    const uses = all<ChatToolUseData>(turn, 'tool_use')
    const results = all<ChatToolResultData>(turn, 'tool_result')
    expect(uses.map((u) => u.tool)).toEqual(['Read', 'Edit'])
    expect(uses.every((u) => /^toolu_/.test(u.id))).toBe(true)
    expect(new Set(uses.map((u) => u.id)).size).toBe(2)
    expect(results.map((r) => r.tool_use_id)).toEqual(uses.map((u) => u.id))
    expect(results.map((r) => r.is_error)).toEqual([false, false])
    expect(JSON.parse(uses[1]!.input)).toMatchObject({ file_path: file, old_string: 'hello', new_string: 'goodbye' })
    expect(results[1]!.content).toContain('updated successfully')
    // Three requests: 100 input tokens each; 20 output tokens per tool call, 10 for the answer.
    expect(data<ChatResultData>(turn.events.find((e) => e.event === 'result'))).toMatchObject({ turns: 3, input_tokens: 300, output_tokens: 50 })

    // Editing a file never read fails: the result says so.
    const other = join(dir, 'other.md')
    await writeFile(other, 'x\n')
    const failing = chat(flowId, `[[tool:Edit:{"file_path":"${other}","old_string":"x","new_string":"y"}]]`)
    await failing.ended
    const [use] = all<ChatToolUseData>(failing, 'tool_use')
    expect(all<ChatToolResultData>(failing, 'tool_result')).toEqual([{ content: expect.stringContaining('has not been read yet'), tool_use_id: use!.id, is_error: true }])
  })

  it('after a restart the transcript equals what the client saw live: tool ids, is_error, thinking, usage; status is not kept', async () => {
    const { flowId, dir } = await skipFlow()
    const prompts = [`think [[thinking:Plan the file.]]`, `[[tool:Write:{"file_path":"${join(dir, 'new.txt')}","content":"made"}]]`]
    const first = chat(flowId, prompts[0]!)
    await first.ended
    const sessionId = data<{ session_id: string }>(first.events[0]).session_id
    const second = chat(flowId, prompts[1]!, sessionId)
    await second.ended
    expect(await readFile(join(dir, 'new.txt'), 'utf8')).toBe('made')

    const live = [first, second].flatMap((call, i) => [
      { event: 'user', data: { text: prompts[i] } },
      ...call.events.filter((e) => e.event !== 'text_delta' && e.event !== 'status').map((e) => ({ event: e.event, data: JSON.parse(e.data) as unknown })),
    ])
    expect(live.map((e) => e.event)).toEqual(expect.arrayContaining(['thinking', 'tool_use', 'tool_result', 'result']))
    await chats.server.restart()
    const stored = (await chats.server.request(`/api/flows/${flowId}/nodes/exec/interact/sessions/${sessionId}/transcript`)).json<TranscriptPage>()
    expect(stored.entries.map(({ event, data }) => ({ event, data }))).toEqual(live)
  })
})
