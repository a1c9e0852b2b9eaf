import { describe, expect, it } from 'vitest'
import { decodeChatEvent, type ChatEvent } from '../../src-renderer/src/api/chat-events'
import { applyChatEvent, addUserMessage, EMPTY_TRANSCRIPT, type Transcript } from '../../src-renderer/src/chat/transcript'
import { turnStatus } from '../../src-renderer/src/chat/chat-status'
import { turnSummary } from '../../src-renderer/src/chat/chat-format'

const decode = (event: string, data: object): ChatEvent => {
  const decoded = decodeChatEvent({ event, data: JSON.stringify(data), id: null })
  if (decoded === null) throw new Error(`not decoded: ${event}`)
  return decoded
}

function fold(events: ChatEvent[], start: Transcript = EMPTY_TRANSCRIPT): Transcript {
  let id = 100
  return events.reduce((transcript, event) => applyChatEvent(transcript, event, () => ++id), start)
}

describe('chat events beyond the original contract', () => {
  it('decodes tool ids, errors, thinking, progress and usage, and still reads the original shapes', () => {
    expect(decode('tool_use', { tool: 'Bash', input: '{}', id: 't1' })).toEqual({ type: 'tool_use', tool: 'Bash', input: '{}', id: 't1' })
    expect(decode('tool_use', { tool: 'Bash', input: '{}' })).toEqual({ type: 'tool_use', tool: 'Bash', input: '{}', id: null })
    expect(decode('tool_result', { content: 'x', tool_use_id: 't1', is_error: true })).toEqual({ type: 'tool_result', content: 'x', toolUseId: 't1', isError: true })
    expect(decode('tool_result', { content: 'x' })).toEqual({ type: 'tool_result', content: 'x', toolUseId: null, isError: false })
    expect(decode('thinking', { text: 'hmm' })).toEqual({ type: 'thinking', text: 'hmm', redacted: false })
    expect(decode('status', { state: 'retrying', attempt: 2, max_retries: 10, delay_ms: 1200, cause: 'HTTP 500' })).toEqual({
      type: 'status',
      status: { state: 'retrying', attempt: 2, maxRetries: 10, delayMs: 1200, cause: 'HTTP 500' },
    })
    expect(decodeChatEvent({ event: 'status', data: '{"state":"dancing"}', id: null })).toBeNull()
    expect(decode('result', { text: '', cost: 0.1, turns: 1, is_error: false, duration_ms: 1500, input_tokens: 10, output_tokens: 2 })).toMatchObject({
      isError: false,
      usage: { durationMs: 1500, inputTokens: 10, outputTokens: 2 },
    })
    expect(decode('result', { text: '', cost: 0.1, turns: 1 })).toMatchObject({ isError: false, usage: null })
  })
})

describe('a tool call and its result make one card', () => {
  it('pairs results with their calls by id, whatever the order', () => {
    const transcript = fold([
      decode('tool_use', { tool: 'Read', input: '{"file_path":"/a"}', id: 'a' }),
      decode('tool_use', { tool: 'Read', input: '{"file_path":"/b"}', id: 'b' }),
      decode('tool_result', { content: 'B', tool_use_id: 'b' }),
      decode('tool_result', { content: 'A', tool_use_id: 'a', is_error: true }),
    ])
    expect(transcript.entries).toMatchObject([
      { kind: 'tool', toolUseId: 'a', result: { content: 'A', isError: true } },
      { kind: 'tool', toolUseId: 'b', result: { content: 'B', isError: false } },
    ])
  })

  it('pairs in call order when the server sends no ids (the original contract)', () => {
    const transcript = fold([
      decode('tool_use', { tool: 'Bash', input: '{"command":"a"}' }),
      decode('tool_use', { tool: 'Bash', input: '{"command":"b"}' }),
      decode('tool_result', { content: 'first' }),
      decode('tool_result', { content: 'second' }),
    ])
    expect(transcript.entries.map((entry) => (entry.kind === 'tool' ? entry.result?.content : entry.kind))).toEqual(['first', 'second'])
  })

  it('keeps a result whose call is not in this transcript as a line of its own', () => {
    const start = addUserMessage(EMPTY_TRANSCRIPT, 'hi', 1)
    const transcript = fold([decode('tool_result', { content: 'orphan', tool_use_id: 'gone' })], start)
    expect(transcript.entries.at(-1)).toMatchObject({ kind: 'tool-result', content: 'orphan' })
  })

  it('never pairs a result with a call from an earlier message', () => {
    const earlier = fold([decode('tool_use', { tool: 'Bash', input: '{"command":"a"}' })])
    const transcript = fold([decode('tool_result', { content: 'late' })], addUserMessage(earlier, 'next', 50))
    expect(transcript.entries.map((entry) => entry.kind)).toEqual(['tool', 'user', 'tool-result'])
  })

  it('folds thinking into its own entry and keeps progress out of the transcript', () => {
    const transcript = fold([decode('status', { state: 'waiting' }), decode('thinking', { text: 'hmm' }), decode('text', { text: 'Hi' })])
    expect(transcript.entries.map((entry) => entry.kind)).toEqual(['thinking', 'assistant'])
  })
})

describe('the status line says what the turn is doing', () => {
  const idle = { text: '', warning: false }
  it('names starting, waiting and retrying with its count and cause', () => {
    expect(turnStatus(decode('status', { state: 'starting' }), idle)).toEqual({ text: 'Starting Claude…', warning: false })
    expect(turnStatus(decode('status', { state: 'waiting' }), idle)).toEqual({ text: 'Waiting for the API…', warning: false })
    expect(turnStatus(decode('status', { state: 'retrying', attempt: 2, max_retries: 10, delay_ms: 4000, cause: 'HTTP 500: overloaded' }), idle)).toEqual({
      text: 'The API failed: HTTP 500: overloaded. Retrying (attempt 2 of 10), next try in 4 s…',
      warning: true,
    })
    expect(turnStatus(decode('thinking', { text: 'x' }), idle).text).toBe('Thinking…')
    expect(turnStatus(decode('error', { message: 'API error' }), idle)).toEqual({ text: 'Failed', warning: true })
  })

  it('sums a turn up with its time and tokens when the server reports them', () => {
    expect(turnSummary(0.0012, 2, null)).toBe('Cost: $0.0012 · Turns: 2')
    expect(turnSummary(0.0012, 2, { durationMs: 3400, inputTokens: 1200, outputTokens: 80 })).toBe('Cost: $0.0012 · Turns: 2 · 3.4 s · 1,200 in / 80 out tokens')
    expect(turnSummary(0, 1, { durationMs: 95_000, inputTokens: null, outputTokens: null })).toBe('Cost: $0.0000 · Turns: 1 · 1 min 35 s')
  })
})

describe('a call that waits for approval says so on its card', () => {
  it('marks the newest waiting call of that tool while the question is open', () => {
    const request = { id: 'p1', flow_id: 'f', node_id: 'n', session_id: 's', run_id: null, tool_name: 'Bash', input: { command: 'touch x' }, suggestions: [], description: null, asked_at: '2026-12-02T10:00:00.000Z' }
    const settled = { id: 'p1', flow_id: 'f', node_id: 'n', session_id: 's', run_id: null, tool_name: 'Bash', outcome: 'allowed' as const, scope: 'once' as const, message: null, settled_at: '2026-12-02T10:00:01.000Z' }
    const asked = fold([decode('tool_use', { tool: 'Bash', input: '{"command":"touch x"}', id: 't1' }), { type: 'permission_request', request }])
    expect(asked.entries[0]).toMatchObject({ kind: 'tool', asking: true })
    const answered = fold([{ type: 'permission_settled', settled }], asked)
    expect(answered.entries[0]).toMatchObject({ kind: 'tool', asking: false })
  })
})
