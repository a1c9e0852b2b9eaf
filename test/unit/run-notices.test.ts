// What the window says when a run of any flow ends: the notification's title
// names the flow and the outcome, the body says why or what came out.
import { describe, expect, it } from 'vitest'
import type { RunFinished } from '../../src-main/contract/api'
import { decodeRunFinished } from '../../src-renderer/src/api/run-finished'
import { runNotice } from '../../src-renderer/src/runs/run-notification'

const ended = (extra: Partial<RunFinished> = {}): RunFinished => ({
  flow_id: 'f1',
  flow_name: 'Daily digest',
  run_id: 'r1',
  status: 'success',
  message: 'Completed in 12.0s',
  trigger: 'cron',
  started_at: '2026-03-01T07:00:00Z',
  finished_at: '2026-03-01T07:00:12Z',
  last_output: null,
  ...extra,
})

describe('runNotice', () => {
  it('names the flow and how long a completed run took; the body is its last output, else what started it', () => {
    expect(runNotice(ended({ last_output: 'Posted 5 stories to #news' }))).toEqual({ title: 'Daily digest — completed in 12.0 s', body: 'Posted 5 stories to #news', level: 'info' })
    expect(runNotice(ended()).body).toBe('Started on schedule')
    expect(runNotice(ended({ trigger: null })).body).toBe('Completed in 12.0s')
  })

  it('gives the reason of a failure and the message of a cancel', () => {
    expect(runNotice(ended({ status: 'failed', message: 'feed answered 500' }))).toEqual({ title: 'Daily digest — run failed', body: 'feed answered 500', level: 'error' })
    expect(runNotice(ended({ status: 'cancelled', message: 'Cancelled after 3.0s' }))).toEqual({ title: 'Daily digest — cancelled', body: 'Cancelled after 3.0s', level: 'warn' })
  })

  it('calls a flow without a name "Untitled flow"', () => {
    expect(runNotice(ended({ flow_name: '  ', status: 'failed' })).title).toBe('Untitled flow — run failed')
  })
})

describe('decodeRunFinished', () => {
  const message = (data: unknown, event = 'run_finished') => ({ event, data: JSON.stringify(data), id: null })

  it('reads a run_finished frame and nothing else', () => {
    expect(decodeRunFinished(message(ended()))).toEqual(ended())
    expect(decodeRunFinished(message(ended(), 'turn_ended'))).toBeNull()
    expect(decodeRunFinished(message({ ...ended(), status: 'running' }))).toBeNull()
    expect(decodeRunFinished(message({ ...ended(), flow_name: 3 }))).toBeNull()
    expect(decodeRunFinished({ event: 'run_finished', data: '{', id: null })).toBeNull()
  })
})
