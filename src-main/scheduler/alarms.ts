// Cron loops wait for instants, and many wait for the same one: every flow on
// "0 9 * * 1-5" waits for the same nine o'clock. One alarm per distinct instant
// serves all of them, so 10,000 flows start without 10,000 timers, and flows
// due together are all woken in one pass instead of one timer callback each.
import { sleepUntil, type Clock } from './clock'

interface Alarm {
  waiters: Set<() => void>
  /** Ends the alarm's own sleep once nobody waits for it any more. */
  cancel: AbortController
}

export class Alarms {
  private readonly byTime = new Map<number, Alarm>()

  constructor(private readonly clock: Clock) {}

  /** Resolves at `target` (epoch ms), or early, quietly, when `signal` aborts or ringAll() is called. */
  wait(target: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const alarm = this.alarmAt(target)
      const done = (): void => {
        alarm.waiters.delete(done)
        signal.removeEventListener('abort', done)
        if (alarm.waiters.size === 0) this.drop(target, alarm)
        resolve()
      }
      alarm.waiters.add(done)
      signal.addEventListener('abort', done)
    })
  }

  /** Wakes every waiter now (after a resume from sleep, so each looks at the wall clock). */
  ringAll(): void {
    for (const [target, alarm] of [...this.byTime]) this.ring(target, alarm)
  }

  /** Instants being waited for (tests, status). */
  get pending(): number {
    return this.byTime.size
  }

  private alarmAt(target: number): Alarm {
    let alarm = this.byTime.get(target)
    if (!alarm) {
      const created: Alarm = { waiters: new Set(), cancel: new AbortController() }
      this.byTime.set(target, created)
      // sleepUntil naps at most MAX_NAP_MS at a time, so a suspended machine is noticed.
      void sleepUntil(this.clock, target, created.cancel.signal).then(() => this.ring(target, created))
      alarm = created
    }
    return alarm
  }

  private ring(target: number, alarm: Alarm): void {
    this.drop(target, alarm)
    for (const wake of [...alarm.waiters]) wake()
  }

  private drop(target: number, alarm: Alarm): void {
    if (this.byTime.get(target) !== alarm) return
    this.byTime.delete(target)
    alarm.cancel.abort()
  }
}
