import { describe, expect, it } from 'vitest'
import { Alarms } from '../../src-main/scheduler/alarms'
import { ManualClock, settle } from '../support/manual-clock'

const T0 = Date.parse('2026-03-02T08:00:00Z')

describe('alarms', () => {
  it('wakes every waiter of one instant together, with one alarm between them, and none early', async () => {
    const clock = new ManualClock(T0)
    const alarms = new Alarms(clock)
    const woken: number[] = []
    const never = new AbortController().signal
    for (let i = 0; i < 100; i++) void alarms.wait(T0 + 60_000, never).then(() => woken.push(clock.now()))
    void alarms.wait(T0 + 120_000, never).then(() => woken.push(clock.now()))
    expect(alarms.pending).toBe(2)
    await clock.advanceTo(T0 + 59_999)
    expect(woken).toEqual([])
    await clock.advanceTo(T0 + 60_000)
    expect(woken).toEqual(Array(100).fill(T0 + 60_000))
    expect(alarms.pending).toBe(1)
    await clock.advanceTo(T0 + 120_000)
    expect(woken).toHaveLength(101)
    expect(alarms.pending).toBe(0)
  })

  it('a waiter whose signal aborts leaves at once; the last one leaving drops the alarm', async () => {
    const clock = new ManualClock(T0)
    const alarms = new Alarms(clock)
    const first = new AbortController()
    const second = new AbortController()
    let left = 0
    void alarms.wait(T0 + 60_000, first.signal).then(() => left++)
    void alarms.wait(T0 + 60_000, second.signal).then(() => left++)
    first.abort()
    await settle()
    expect(left).toBe(1)
    expect(alarms.pending).toBe(1)
    second.abort()
    await settle()
    expect(left).toBe(2)
    expect(alarms.pending).toBe(0)
    expect(await Promise.race([alarms.wait(T0 + 1, first.signal).then(() => 'resolved'), settle().then(() => 'waiting')])).toBe('resolved')
  })

  it('ringAll wakes everyone early, so each can look at the wall clock again', async () => {
    const clock = new ManualClock(T0)
    const alarms = new Alarms(clock)
    let woken = 0
    const never = new AbortController().signal
    for (const minutes of [1, 2, 3]) void alarms.wait(T0 + minutes * 60_000, never).then(() => woken++)
    alarms.ringAll()
    await settle()
    expect(woken).toBe(3)
    expect(alarms.pending).toBe(0)
  })
})
