import { describe, expect, it } from 'vitest'
import { formatSseEvent } from '../../src-main/http/sse'

describe('formatSseEvent', () => {
  it('writes event, id and data lines with one space after each colon', () => {
    expect(formatSseEvent({ event: 'text', data: '{"text":"hi"}', id: 7 })).toBe('event: text\nid: 7\ndata: {"text":"hi"}\n\n')
  })
  it('omits the event line for unnamed events', () => {
    expect(formatSseEvent({ data: 'raw line' })).toBe('data: raw line\n\n')
  })
  it('splits multi-line payloads on \\n, \\r\\n and \\r', () => {
    expect(formatSseEvent({ event: 'stderr', data: 'a\nb\r\nc\rd' })).toBe('event: stderr\ndata: a\ndata: b\ndata: c\ndata: d\n\n')
  })
  it('writes no data line for an empty payload', () => {
    expect(formatSseEvent({ data: '' })).toBe('\n')
  })
})
