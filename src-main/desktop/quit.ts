// Quitting waits for the backend (scheduler stopped, claude children ended,
// writes flushed), but never forever. Electron's before-quit can only be
// held off synchronously, so the first one is cancelled, the backend stops,
// and quit is asked for again; by then the gate lets it through.

export interface QuitGateOptions {
  /** Stops everything the app runs. */
  stop(): Promise<void>
  /** Asks the app to quit again once `stop` is done. */
  quitAgain(): void
  /** Longest wait for `stop`; then `onTimeout` runs and quit goes on. */
  timeoutMs: number
  onTimeout(): void
}

export interface QuitGate {
  /** For before-quit: cancels the quit (synchronously) while the backend still has to stop. */
  beforeQuit(event: { preventDefault(): void }): void
  /** Resolves once stopping is over (done or timed out). */
  readonly stopped: Promise<void>
}

export function createQuitGate(options: QuitGateOptions): QuitGate {
  let phase: 'running' | 'stopping' | 'stopped' = 'running'
  let markStopped!: () => void
  const stopped = new Promise<void>((resolve) => (markStopped = resolve))

  const stopWithin = async (): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)))
    // A failing stop must not keep the app from quitting.
    const outcome = await Promise.race([options.stop().catch(() => 'failed' as const), timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') options.onTimeout()
  }

  return {
    stopped,
    beforeQuit(event) {
      if (phase === 'stopped') return
      event.preventDefault()
      if (phase === 'stopping') return
      phase = 'stopping'
      void stopWithin().then(() => {
        phase = 'stopped'
        markStopped()
        options.quitAgain()
      })
    },
  }
}
