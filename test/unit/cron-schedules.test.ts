import { Cron } from 'croner'
import { describe, expect, it } from 'vitest'
import { cronSchedule } from '../../src-main/scheduler/cron-schedules'
import { parseCron } from '../../src-main/scheduler/cron'

const croner = (expression: string) => new Cron(expression, { timezone: 'UTC', paused: true, mode: '5-part', domAndDow: false })

describe('shared cron schedules', () => {
  it('answers as croner does, from any millisecond of a second, again and again', () => {
    const parsed = cronSchedule('0 9 * * 1-5')
    if (!parsed.ok) throw new Error(parsed.error)
    const reference = croner('0 9 * * 1-5')
    for (const at of ['2026-03-06T08:59:59.000Z', '2026-03-06T08:59:59.999Z', '2026-03-06T09:00:00.000Z', '2026-03-06T09:00:00.500Z', '2026-03-07T12:00:00.000Z', '2026-03-06T08:59:59.000Z']) {
      expect(parsed.schedule.next(new Date(at))?.toISOString()).toBe(reference.nextRun(new Date(at))?.toISOString())
    }
  })

  it('is one object per expression, and hands out a Date of its own each time', () => {
    const a = cronSchedule('*/5 * * * *')
    const b = cronSchedule('*/5 * * * *')
    if (!a.ok || !b.ok) throw new Error('expected a valid schedule')
    expect(a.schedule).toBe(b.schedule)
    const from = new Date('2026-03-06T10:01:00Z')
    const first = a.schedule.next(from)!
    first.setTime(0)
    expect(a.schedule.next(from)!.toISOString()).toBe('2026-03-06T10:05:00.000Z')
  })

  it('reports a bad expression as parseCron does, and an impossible date as no fire', () => {
    expect(cronSchedule('61 * * * *')).toEqual(parseCron('61 * * * *'))
    const never = cronSchedule('0 0 31 2 *')
    if (!never.ok) throw new Error(never.error)
    expect(never.schedule.next(new Date('2026-01-01T00:00:00Z'))).toBeNull()
  })
})
