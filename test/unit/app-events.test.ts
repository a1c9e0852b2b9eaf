import { describe, expect, it } from 'vitest'
import type { StreamHandlers } from '../../src-main/contract/bridge'
import { createAppEvents } from '../../src-renderer/src/api/app-events'

describe('the window’s one app-wide stream', () => {
  it('opens one connection for every listener, tells each of them everything, and closes with the last', () => {
    const opened: { path: string; handlers: StreamHandlers; closed: boolean }[] = []
    const follow = createAppEvents((path, handlers) => {
      const stream = { path, handlers, closed: false }
      opened.push(stream)
      return () => void (stream.closed = true)
    })
    const seenA: string[] = []
    const seenB: string[] = []
    let reopenedA = 0
    const stopA = follow({ onEvent: (m) => seenA.push(m.event), onOpen: () => reopenedA++ })
    const stopB = follow({ onEvent: (m) => seenB.push(m.event) })
    expect(opened.map((stream) => stream.path)).toEqual(['/api/events'])

    opened[0]!.handlers.onOpen?.()
    opened[0]!.handlers.onEvent({ event: 'permission_request', data: '{}', id: null })
    opened[0]!.handlers.onEvent({ event: 'turn_started', data: '{}', id: null })
    expect([seenA, seenB, reopenedA]).toEqual([['permission_request', 'turn_started'], ['permission_request', 'turn_started'], 1])

    stopA()
    stopA()
    expect(opened[0]!.closed).toBe(false)
    opened[0]!.handlers.onEvent({ event: 'turn_ended', data: '{}', id: null })
    expect(seenA).toHaveLength(2)
    stopB()
    expect(opened[0]!.closed).toBe(true)

    follow({ onEvent: () => undefined })
    expect(opened).toHaveLength(2)
  })
})
