// Time as the scheduler sees it, injectable so tests and benchmarks can drive it.

export interface Clock {
  now(): number
  /** Resolves after `ms` (or early, quietly, when `signal` aborts). */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve()
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done)
    }),
}

/**
 * Longest single nap. Timers run on a clock that stops while the machine is
 * suspended, so the wall clock is re-read at least this often; a fire that
 * passed during a suspend then runs (once) shortly after waking.
 */
export const MAX_NAP_MS = 30_000

export async function sleepUntil(clock: Clock, target: number, signal: AbortSignal): Promise<void> {
  for (;;) {
    const remaining = target - clock.now()
    if (remaining <= 0 || signal.aborted) return
    await clock.sleep(Math.min(remaining, MAX_NAP_MS), signal)
  }
}
