// A clock the test moves by hand. `advance` walks through every timer that
// comes due, in order; `jump` moves time at once, the way a suspended machine
// wakes up: sleepers then see a wall clock far past their deadline.
import type { Clock } from '../../src-main/scheduler/clock'

interface Sleeper {
  at: number
  wake: () => void
}

/** Lets pending callbacks run, including quick real I/O (a mkdir), before time moves on. */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setTimeout(resolve, 2))
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve))
}

export class ManualClock implements Clock {
  private sleepers: Sleeper[] = []

  constructor(private time: number) {}

  now(): number {
    return this.time
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve()
      const sleeper: Sleeper = {
        at: this.time + ms,
        wake: () => {
          signal.removeEventListener('abort', sleeper.wake)
          this.sleepers = this.sleepers.filter((s) => s !== sleeper)
          resolve()
        },
      }
      signal.addEventListener('abort', sleeper.wake)
      this.sleepers.push(sleeper)
    })
  }

  async advanceTo(target: number): Promise<void> {
    await settle()
    for (;;) {
      const due = this.sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.time = Math.max(this.time, due.at)
      due.wake()
      await settle()
    }
    this.time = target
    await settle()
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms)
  }

  /** Time moves on and nobody is woken: timers stood still, as during a suspend (until the app says it resumed). */
  leap(ms: number): void {
    this.time += ms
  }

  /** Time leaps forward; every sleeper wakes once, late. */
  async jump(ms: number): Promise<void> {
    this.time += ms
    for (const sleeper of [...this.sleepers]) sleeper.wake()
    await settle()
  }
}
