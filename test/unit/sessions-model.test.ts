import { describe, expect, it } from 'vitest'
import { parseSessionsDocument, sessionKey, summarizePrompt } from '../../src-main/sessions/model'
import { parseDraft } from '../../src-main/prompts/summarize'

describe('summarizePrompt', () => {
  it('keeps short prompts, trimmed', () => {
    expect(summarizePrompt('  hello  ')).toBe('hello')
    expect(summarizePrompt('x'.repeat(80))).toBe('x'.repeat(80))
  })
  it('cuts long ones at the last space within 80 characters', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho'
    const cut = summarizePrompt(words)
    // The first 80 characters end on "omicron"; the cut still goes back to the last space in them.
    expect(cut).toBe('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi...')
    expect(summarizePrompt('y'.repeat(100))).toBe(`${'y'.repeat(80)}...`)
  })
  it('counts characters, not bytes', () => {
    expect(summarizePrompt('é'.repeat(80))).toBe('é'.repeat(80))
    expect(summarizePrompt('🙂'.repeat(81))).toBe(`${'🙂'.repeat(80)}...`)
  })
})

describe('sessions.yaml documents', () => {
  it('reads the current format, defaulting summary and omitting absent optionals', () => {
    const { format, entries } = parseSessionsDocument({
      sessions: { f: { flow_name: 'F', active_session: 's', sessions: [{ session_id: 's', working_dir: '/w', message_count: 1, total_cost: 0.5, created_at: 'c' }] } },
    })
    expect(format).toBe('current')
    expect(entries.get('f')!.sessions[0]).toEqual({ session_id: 's', summary: '', working_dir: '/w', message_count: 1, total_cost: 0.5, created_at: 'c' })
  })
  it('migrates the legacy format', () => {
    const now = new Date('2026-02-24T10:00:00Z')
    const { format, entries } = parseSessionsDocument({ sessions: { f: { session_id: 's', message_count: 2, total_cost: 0.1 } } }, now)
    expect(format).toBe('legacy')
    expect(entries.get('f')).toEqual({ flow_name: 'Unknown', active_session: 's', sessions: [{ session_id: 's', summary: '', working_dir: '.', message_count: 2, total_cost: 0.1, created_at: '2026-02-24T10:00:00+00:00' }] })
  })
  it('treats an empty file as no sessions and refuses garbage', () => {
    expect(parseSessionsDocument(null).entries.size).toBe(0)
    expect(() => parseSessionsDocument({ sessions: 5 })).toThrow(/neither/)
  })
  it('keys node sessions with two colons', () => {
    expect(sessionKey('f')).toBe('f')
    expect(sessionKey('f', 'n')).toBe('f::n')
  })
})

describe('parseDraft', () => {
  it('strips code fences and reads the fields', () => {
    expect(parseDraft('```json\n{"title":"T","summary":"S","tags":["a",1]}\n```', 'F')).toEqual({ title: 'T', summary: 'S', tags: ['a'] })
  })
  it('fills missing fields: title, then the raw output as summary', () => {
    expect(parseDraft(' {"tags":"x"} ', 'F')).toEqual({ title: 'Untitled Prompt', summary: ' {"tags":"x"} ', tags: [] })
  })
  it('falls back to the text when it is not JSON', () => {
    expect(parseDraft('  just words ', 'Flow A')).toEqual({ title: 'Prompt from Flow A', summary: 'just words', tags: [] })
  })
})
