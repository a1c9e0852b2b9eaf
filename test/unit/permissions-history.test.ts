import { describe, expect, it } from 'vitest'
import type { TranscriptEntry } from '../../src-main/contract/api'
import { entriesFromHistory, prependHistory, withoutRunningTurn } from '../../src-renderer/src/chat/history'
import { EMPTY_TRANSCRIPT, applyChatEvent } from '../../src-renderer/src/chat/transcript'

const entry = (cursor: number, turn: number, event: TranscriptEntry['event'], data: unknown): TranscriptEntry => ({
  cursor: String(cursor), turn, at: '2026-12-02T10:00:00.000Z', event, data,
})

const request = { id: 'p1', flow_id: 'f', node_id: 'n', session_id: 's', run_id: null, tool_name: 'Bash', input: { command: 'touch x' }, suggestions: [], description: null, asked_at: '2026-12-02T10:00:00.000Z' }
const settled = { id: 'p1', flow_id: 'f', node_id: 'n', session_id: 's', run_id: null, tool_name: 'Bash', outcome: 'denied', scope: null, message: 'no', settled_at: '2026-12-02T10:00:01.000Z' }

const stored: TranscriptEntry[] = [
  entry(0, 0, 'user', { text: 'hi [[bash:touch x]]' }),
  entry(1, 0, 'system', { message: 'Ready' }),
  entry(2, 0, 'tool_use', { tool: 'Bash', input: '{"command":"touch x"}' }),
  entry(3, 0, 'permission_request', request),
  entry(4, 0, 'permission_settled', settled),
  entry(5, 0, 'tool_result', { content: 'no' }),
  entry(6, 0, 'text', { text: 'Done' }),
  entry(7, 0, 'stderr', 'a log line'),
  entry(8, 0, 'result', { text: 'Done', cost: 0.01, turns: 2 }),
  entry(9, 0, 'done', { exit_code: 0 }),
  entry(10, 1, 'user', { text: 'again' }),
  entry(11, 1, 'text', { text: 'partial' }),
]

describe('chat history', () => {
  it('turns stored entries into the entries live events make, approval outcome included', () => {
    let id = 0
    const entries = entriesFromHistory(stored, () => ++id)
    // The result goes on its call's card (stored without ids: the earliest call still waiting).
    expect(entries.map((e) => e.kind)).toEqual(['user', 'tool', 'approval', 'assistant', 'stderr', 'result', 'user', 'assistant'])
    const tool = entries[1]
    expect(tool?.kind === 'tool' && tool.result).toEqual({ content: 'no', isError: false })
    const approval = entries[2]
    expect(approval?.kind === 'approval' && approval.settled?.message).toBe('no')
    expect(entries.every((e) => e.kind !== 'assistant' || !e.live)).toBe(true)
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
  })

  it('leaves out a running turn but keeps its message', () => {
    expect(withoutRunningTurn(stored).map((e) => e.cursor)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(withoutRunningTurn([])).toEqual([])
  })

  it('prepends older entries and moves a half-built answer with them', () => {
    let id = 100
    const live = applyChatEvent(EMPTY_TRANSCRIPT, { type: 'text_delta', text: 'he' }, () => ++id)
    const merged = prependHistory(live, entriesFromHistory(stored.slice(0, 2), () => ++id), '0')
    expect(merged.entries.map((e) => e.kind)).toEqual(['user', 'assistant'])
    expect(merged.liveIndex).toBe(1)
    expect(merged.history).toEqual({ loaded: true, loading: false, earlier: '0' })
  })

  it('shows one card for a question replayed on re-attach', () => {
    let id = 0
    const once = applyChatEvent(EMPTY_TRANSCRIPT, { type: 'permission_request', request }, () => ++id)
    expect(applyChatEvent(once, { type: 'permission_request', request }, () => ++id).entries).toHaveLength(1)
  })
})
