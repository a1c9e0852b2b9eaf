// Helpers for run tests: node and edge builders, flows created over HTTP, the
// live run stream read until runs end, and the run history.
import { expect } from 'vitest'
import type { FlowRun, RunEvent } from '../../src-main/contract/api'
import { openSse, type SseCall } from './sse-client'
import type { TestServer } from './server'

let counter = 0
export const node = (id: string, node_type: string, kind: string, config: object, label = id) => ({ id, node_type, kind, config, position: { x: counter++, y: 0 }, label })
export const edges = (...pairs: [string, string][]) => pairs.map(([source, target], i) => ({ id: `e${i}`, source, target }))

export interface RunHelpers {
  createFlow(body: object): Promise<string>
  live(flowId: string): Promise<SseCall>
  trigger(flowId: string, body?: object): Promise<{ status: number; json: Record<string, unknown> }>
  runsOf(flowId: string): Promise<FlowRun[]>
}

export function runHelpers(server: () => TestServer): RunHelpers {
  return {
    async createFlow(body) {
      const res = await server().request('/api/flows', { method: 'POST', body })
      expect(res.status).toBe(201)
      return res.json<{ id: string }>().id
    },
    async live(flowId) {
      const stream = openSse(server().url, `/api/flows/${flowId}/runs/live`, { token: server().token })
      await stream.status
      return stream
    },
    async trigger(flowId, body) {
      const res = await server().request(`/api/flows/${flowId}/trigger`, { method: 'POST', ...(body ? { body } : {}) })
      return { status: res.status, json: res.json<Record<string, unknown>>() }
    },
    async runsOf(flowId) {
      return (await server().request(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs
    },
  }
}

const ENDS = new Set(['run_completed', 'run_failed', 'run_cancelled'])

/** The stream's run events once `runs` runs have ended. */
export async function untilEnd(stream: SseCall, runs = 1, timeoutMs = 60_000): Promise<RunEvent[]> {
  const end = Date.now() + timeoutMs
  while (stream.events.filter((e) => ENDS.has(e.event)).length < runs) {
    if (Date.now() > end) throw new Error(`no end of run; got ${stream.events.map((e) => e.event).join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return stream.events.filter((e) => e.event !== 'reset').map((e) => JSON.parse(e.data) as RunEvent)
}

/** Events without the live executor output (an extension), times and costs blanked: what the contract fixes. */
export function contractEvents(events: RunEvent[]): string[] {
  return events
    .filter((e) => !e.event_type.startsWith('executor_'))
    .map((e) => `${e.event_type}:${e.node_id ?? '-'}:${e.message.replace(/\d+\.\ds\b/g, 'N.Ns').replace(/\$\d+\.\d{4}/, '$COST')}`)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
