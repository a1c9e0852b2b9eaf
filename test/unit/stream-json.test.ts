import { describe, expect, it } from 'vitest'
import { mapStdoutLine, resultEvent, turnCost } from '../../src-main/agent/stream-json'

const line = (value: object) => JSON.stringify(value)

describe('mapStdoutLine', () => {
  it('turns assistant blocks into thinking, text and tool_use, in order, skipping empty text and thinking', () => {
    const mapped = mapStdoutLine(
      line({
        type: 'assistant',
        message: {
          content: [
            { type: 'thinking', thinking: 'hm', signature: 's' },
            { type: 'thinking', thinking: '' },
            { type: 'redacted_thinking', data: 'xyz' },
            { type: 'text', text: 'A' },
            { type: 'text', text: '' },
            { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { file_path: 'x' } },
            { type: 'tool_use', input: 'raw' },
          ],
        },
      }),
      'node',
    )
    expect(mapped.events).toEqual([
      { event: 'thinking', data: { text: 'hm' } },
      { event: 'thinking', data: { text: '', redacted: true } },
      { event: 'text', data: { text: 'A' } },
      { event: 'tool_use', data: { tool: 'Read', input: '{"file_path":"x"}', id: 'toolu_1' } },
      { event: 'tool_use', data: { tool: '?', input: 'raw', id: '' } },
    ])
  })

  it('finds tool results in user lines (string or text blocks), with the id they answer and whether they failed', () => {
    const mapped = mapStdoutLine(
      line({
        type: 'user',
        message: {
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'out' },
            { type: 'tool_result', tool_use_id: 'toolu_2', is_error: true, content: [{ type: 'text', text: 'a' }, { type: 'image' }, { type: 'text', text: 'b' }] },
            { type: 'text', text: '[Request interrupted by user]' },
          ],
        },
      }),
      'node',
    )
    expect(mapped.events).toEqual([
      { event: 'tool_result', data: { content: 'out', tool_use_id: 'toolu_1', is_error: false } },
      { event: 'tool_result', data: { content: 'a\nb', tool_use_id: 'toolu_2', is_error: true } },
    ])
  })

  it('an API failure (a synthetic message with an error category) is an error, never text', () => {
    const failure = {
      type: 'assistant',
      error: 'server_error',
      message: { model: '<synthetic>', role: 'assistant', content: [{ type: 'text', text: 'API Error: 500 Stand-in failure 3. This is a server-side issue.' }] },
    }
    expect(mapStdoutLine(line(failure), 'node')).toEqual({
      events: [{ event: 'error', data: { message: 'API error: 500 Stand-in failure 3. This is a server-side issue.' } }],
      apiError: 'API error: 500 Stand-in failure 3. This is a server-side issue.',
    })
    expect(mapStdoutLine(line({ ...failure, message: { ...failure.message, content: [] } }), 'flow').apiError).toBe('API error (server_error)')
    // A local command's answer (/cost) is synthetic too, but a reply.
    const cost = { type: 'assistant', message: { model: '<synthetic>', content: [{ type: 'text', text: 'Total cost: $0.0008' }] } }
    expect(mapStdoutLine(line(cost), 'node')).toEqual({ events: [{ event: 'text', data: { text: 'Total cost: $0.0008' } }] })
  })

  it('turns api_retry lines into retrying status events with the cause', () => {
    const retry = { type: 'system', subtype: 'api_retry', attempt: 2, max_retries: 10, retry_delay_ms: 1099.46, error_status: 500, error: 'server_error' }
    const expected = { event: 'status', data: { state: 'retrying', attempt: 2, max_retries: 10, delay_ms: 1099, cause: 'HTTP 500: server_error' } }
    expect(mapStdoutLine(line(retry), 'node').events).toEqual([expected])
    expect(mapStdoutLine(line(retry), 'flow').events).toEqual([expected])
    expect(mapStdoutLine(line({ ...retry, error_status: null, error: 'unknown' }), 'node').events[0]!.data).toMatchObject({ cause: 'connection error: unknown' })
  })

  it('forwards live text deltas only', () => {
    expect(mapStdoutLine(line({ type: 'stream_event', event: { type: 'content_block_delta', delta: { type: 'text_delta', text: 'to' } } }), 'node').events).toEqual([{ event: 'text_delta', data: { text: 'to' } }])
    expect(mapStdoutLine(line({ type: 'stream_event', event: { type: 'content_block_delta', delta: { type: 'input_json_delta', partial_json: '{' } } }), 'node').events).toEqual([])
    expect(mapStdoutLine(line({ type: 'stream_event', event: { type: 'message_start' } }), 'node').events).toEqual([])
  })

  it('announces init only at flow level; node level ignores system lines; both read the slash commands', () => {
    expect(mapStdoutLine(line({ type: 'system', subtype: 'init' }), 'flow').events).toEqual([{ event: 'system', data: { message: 'Session initialized' } }])
    expect(mapStdoutLine(line({ type: 'system', subtype: 'status' }), 'flow').events).toEqual([])
    expect(mapStdoutLine(line({ type: 'system', subtype: 'init' }), 'node').events).toEqual([])
    const init = line({ type: 'system', subtype: 'init', slash_commands: ['hello', 'compact', 7, 'cost'] })
    expect(mapStdoutLine(init, 'node').slashCommands).toEqual(['hello', 'compact', 'cost'])
    expect(mapStdoutLine(init, 'flow').slashCommands).toEqual(['hello', 'compact', 'cost'])
    expect(mapStdoutLine(line({ type: 'system', subtype: 'init' }), 'node').slashCommands).toBeUndefined()
  })

  it('reads the result line, with defaults; input tokens count cache reads and writes', () => {
    const usage = { input_tokens: 100, cache_read_input_tokens: 30, cache_creation_input_tokens: 20, output_tokens: 10 }
    expect(mapStdoutLine(line({ type: 'result', result: 'R', total_cost_usd: 0.5, num_turns: 2, is_error: false, duration_ms: 812, usage }), 'node').result).toEqual({
      text: 'R',
      reportedCost: 0.5,
      turns: 2,
      isError: false,
      durationMs: 812,
      inputTokens: 150,
      outputTokens: 10,
      cacheReadTokens: 30,
      cacheCreationTokens: 20,
    })
    expect(mapStdoutLine(line({ type: 'result', subtype: 'error_during_execution', is_error: true }), 'node').result).toEqual({
      text: '',
      reportedCost: 0,
      turns: 0,
      isError: true,
      durationMs: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheCreationTokens: 0,
    })
  })

  it('a result after an API failure carries no reply text and is an error', () => {
    const result = mapStdoutLine(line({ type: 'result', result: 'API Error: 500 boom', is_error: true, api_error_status: 500, duration_ms: 700, usage: {} }), 'node').result!
    expect(resultEvent(result, 0, false, true)).toEqual({
      event: 'result',
      data: { text: '', cost: 0, turns: 0, is_error: true, stopped: false, duration_ms: 700, input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    })
    expect(resultEvent({ ...result, text: 'fine', isError: false }, 0.1, true).data).toMatchObject({ text: 'fine', is_error: false, stopped: true })
  })

  it('reports control responses and passes non-JSON lines through as text', () => {
    expect(mapStdoutLine(line({ type: 'control_response', response: { subtype: 'success', request_id: 'r1' } }), 'node').controlResponse).toBe('r1')
    expect(mapStdoutLine('not json', 'node').events).toEqual([{ event: 'text', data: { text: 'not json' } }])
    expect(mapStdoutLine('[1,2]', 'flow').events).toEqual([{ event: 'text', data: { text: '[1,2]' } }])
  })
})

describe('turnCost', () => {
  it('is the difference of cumulative totals', () => {
    const first = turnCost(0, 0.000175)
    const second = turnCost(first.total, 0.00035)
    expect(first.cost).toBeCloseTo(0.000175, 12)
    expect(second.cost).toBeCloseTo(0.000175, 12)
    expect(turnCost(second.total, 0.00035).cost).toBe(0)
  })
  it('is never negative: a lower total starts a new baseline', () => {
    expect(turnCost(0.00035, 0)).toEqual({ cost: 0, total: 0 })
    expect(turnCost(0, 0.0001).cost).toBeCloseTo(0.0001, 12)
  })
})
