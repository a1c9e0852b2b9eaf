import { describe, expect, it } from 'vitest'
import { mapStdoutLine, turnCost } from '../../src-main/agent/stream-json'

const line = (value: object) => JSON.stringify(value)

describe('mapStdoutLine', () => {
  it('turns assistant blocks into text and tool_use, in order, skipping empty text and thinking', () => {
    const mapped = mapStdoutLine(
      line({ type: 'assistant', message: { content: [{ type: 'thinking', thinking: 'hm' }, { type: 'text', text: 'A' }, { type: 'text', text: '' }, { type: 'tool_use', name: 'Read', input: { file_path: 'x' } }, { type: 'tool_use', input: 'raw' }] } }),
      'node',
    )
    expect(mapped.events).toEqual([
      { event: 'text', data: { text: 'A' } },
      { event: 'tool_use', data: { tool: 'Read', input: '{"file_path":"x"}' } },
      { event: 'tool_use', data: { tool: '?', input: 'raw' } },
    ])
  })

  it('finds tool results in user lines (string or text blocks)', () => {
    const mapped = mapStdoutLine(
      line({ type: 'user', message: { content: [{ type: 'tool_result', content: 'out' }, { type: 'tool_result', content: [{ type: 'text', text: 'a' }, { type: 'image' }, { type: 'text', text: 'b' }] }, { type: 'text', text: '[Request interrupted by user]' }] } }),
      'node',
    )
    expect(mapped.events).toEqual([{ event: 'tool_result', data: { content: 'out' } }, { event: 'tool_result', data: { content: 'a\nb' } }])
  })

  it('forwards live text deltas only', () => {
    expect(mapStdoutLine(line({ type: 'stream_event', event: { type: 'content_block_delta', delta: { type: 'text_delta', text: 'to' } } }), 'node').events).toEqual([{ event: 'text_delta', data: { text: 'to' } }])
    expect(mapStdoutLine(line({ type: 'stream_event', event: { type: 'content_block_delta', delta: { type: 'input_json_delta', partial_json: '{' } } }), 'node').events).toEqual([])
    expect(mapStdoutLine(line({ type: 'stream_event', event: { type: 'message_start' } }), 'node').events).toEqual([])
  })

  it('announces init only at flow level; node level ignores system lines', () => {
    expect(mapStdoutLine(line({ type: 'system', subtype: 'init' }), 'flow').events).toEqual([{ event: 'system', data: { message: 'Session initialized' } }])
    expect(mapStdoutLine(line({ type: 'system', subtype: 'status' }), 'flow').events).toEqual([])
    expect(mapStdoutLine(line({ type: 'system', subtype: 'init' }), 'node').events).toEqual([])
  })

  it('reads the result line, with defaults', () => {
    expect(mapStdoutLine(line({ type: 'result', result: 'R', total_cost_usd: 0.5, num_turns: 2, is_error: false }), 'node').result).toEqual({ text: 'R', reportedCost: 0.5, turns: 2, isError: false })
    expect(mapStdoutLine(line({ type: 'result', subtype: 'error_during_execution', is_error: true }), 'node').result).toEqual({ text: '', reportedCost: 0, turns: 0, isError: true })
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
