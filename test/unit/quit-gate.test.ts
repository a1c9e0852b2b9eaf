// The quit gate holds Electron's quit until the backend has stopped, but never
// longer than its bound: then the leftovers are ended and the app quits anyway.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createQuitGate } from '../../src-main/desktop/quit'

const BOUND_MS = 10_000

function quitEvent() {
  return { preventDefault: vi.fn() }
}

function gateAround(stop: () => Promise<void>) {
  const quitAgain = vi.fn()
  const onTimeout = vi.fn()
  const gate = createQuitGate({ stop, quitAgain, onTimeout, timeoutMs: BOUND_MS })
  return { gate, quitAgain, onTimeout }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the quit gate', () => {
  it('when stop never ends: holds every quit until the bound, then ends the leftovers and quits once', async () => {
    const stop = vi.fn(() => new Promise<void>(() => undefined))
    const { gate, quitAgain, onTimeout } = gateAround(stop)

    const first = quitEvent()
    gate.beforeQuit(first)
    // Synchronously: Electron reads the event as soon as the handler returns.
    expect(first.preventDefault).toHaveBeenCalledOnce()
    expect(stop).toHaveBeenCalledOnce()

    await vi.advanceTimersByTimeAsync(BOUND_MS - 1)
    const again = quitEvent()
    gate.beforeQuit(again)
    expect(again.preventDefault).toHaveBeenCalledOnce()
    expect(stop).toHaveBeenCalledOnce()
    expect(onTimeout).not.toHaveBeenCalled()
    expect(quitAgain).not.toHaveBeenCalled()

    await vi.advanceTimersByTimeAsync(1)
    expect(onTimeout).toHaveBeenCalledOnce()
    expect(quitAgain).toHaveBeenCalledOnce()
    expect(onTimeout.mock.invocationCallOrder[0]).toBeLessThan(quitAgain.mock.invocationCallOrder[0]!)

    // The quit asked for again goes through; nothing runs twice.
    const last = quitEvent()
    gate.beforeQuit(last)
    expect(last.preventDefault).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(BOUND_MS * 2)
    expect(onTimeout).toHaveBeenCalledOnce()
    expect(quitAgain).toHaveBeenCalledOnce()
  })

  it('when stop ends in time: quits once, and the bound never fires', async () => {
    let stopped!: () => void
    const { gate, quitAgain, onTimeout } = gateAround(() => new Promise<void>((resolve) => (stopped = resolve)))
    const first = quitEvent()
    gate.beforeQuit(first)
    expect(first.preventDefault).toHaveBeenCalledOnce()

    await vi.advanceTimersByTimeAsync(BOUND_MS / 2)
    expect(quitAgain).not.toHaveBeenCalled()
    stopped()
    await gate.stopped
    expect(quitAgain).toHaveBeenCalledOnce()

    await vi.advanceTimersByTimeAsync(BOUND_MS * 2)
    expect(onTimeout).not.toHaveBeenCalled()
    expect(quitAgain).toHaveBeenCalledOnce()
    const last = quitEvent()
    gate.beforeQuit(last)
    expect(last.preventDefault).not.toHaveBeenCalled()
  })

  it('when stop fails: still quits, without waiting for the bound', async () => {
    const { gate, quitAgain, onTimeout } = gateAround(() => Promise.reject(new Error('the backend would not stop')))
    gate.beforeQuit(quitEvent())
    await gate.stopped
    expect(quitAgain).toHaveBeenCalledOnce()
    expect(onTimeout).not.toHaveBeenCalled()
  })
})
