import { describe, expect, it } from 'vitest'
import type { TranscriptEntry } from '../../src-main/contract/api'
import { pageOf } from '../../src-main/sessions/transcript-page'

const entries: TranscriptEntry[] = Array.from({ length: 7 }, (_, i) => ({ cursor: String(i), turn: 0, at: 'T', event: 'text', data: { text: `t${i}` } }))
const cursors = (page: { entries: TranscriptEntry[] }) => page.entries.map((e) => e.cursor)

describe('transcript pages', () => {
  it('start at the newest entry, oldest first within a page, and point at the next older page', () => {
    expect(cursors(pageOf(entries, undefined, 3))).toEqual(['4', '5', '6'])
    expect(pageOf(entries, undefined, 3).next_before).toBe('4')
    expect(cursors(pageOf(entries, 4, 3))).toEqual(['1', '2', '3'])
    expect(pageOf(entries, 1, 3)).toEqual({ entries: [entries[0]], next_before: null })
    expect(pageOf(entries, 0, 3)).toEqual({ entries: [], next_before: null })
    expect(pageOf([], undefined, 3)).toEqual({ entries: [], next_before: null })
    expect(pageOf(entries, undefined, 100).next_before).toBeNull()
  })
})
