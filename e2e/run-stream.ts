// Follows a flow's live run stream from the test itself (not the page), to
// learn the real event ids the server hands out.
import { createParser } from 'eventsource-parser'
import type { RunEvent } from '../src-main/contract/api'

export interface SeenRunEvent {
  id: string
  event: RunEvent
}

export interface RunStreamReader {
  /** Resolves with every event so far once one satisfies `done`. */
  until(done: (event: RunEvent) => boolean, timeoutMs?: number): Promise<SeenRunEvent[]>
  close(): void
}

/** Opens GET /api/flows/{id}/runs/live and resolves once the server has answered. */
export async function readRunStream(baseUrl: string, token: string, flowId: string): Promise<RunStreamReader> {
  const controller = new AbortController()
  const response = await fetch(new URL(`/api/flows/${encodeURIComponent(flowId)}/runs/live`, baseUrl), {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    signal: controller.signal,
  })
  if (!response.ok || !response.body) throw new Error(`runs/live answered ${response.status}`)
  const seen: SeenRunEvent[] = []
  const waiters = new Set<() => void>()
  const parser = createParser({
    onEvent: (message) => {
      seen.push({ id: message.id ?? '', event: JSON.parse(message.data) as RunEvent })
      for (const wake of waiters) wake()
    },
  })
  const decoder = new TextDecoder()
  const reader = response.body.getReader()
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } catch {
      // Closed by us.
    }
  })()

  return {
    until(done, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!seen.some(({ event }) => done(event))) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve([...seen])
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching run event within ${timeoutMs} ms; saw ${seen.map((s) => s.event.event_type).join(', ')}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close: () => controller.abort(),
  }
}
