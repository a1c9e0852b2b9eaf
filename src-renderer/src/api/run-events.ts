import type { FlowRun, RunEvent, RunEventType } from '../../../src-main/contract/api'

/** Every event type the live run stream names (each arrives as its own SSE event). */
export const RUN_EVENT_TYPES: readonly RunEventType[] = [
  'run_started',
  'node_started',
  'node_completed',
  'node_failed',
  'run_completed',
  'run_failed',
  'log',
]

/** A RunEvent from an SSE `data:` payload; null when it is not one. */
export function decodeRunEvent(data: string): RunEvent | null {
  const value = parse(data)
  if (!isObject(value)) return null
  const { flow_id, run_id, timestamp, node_id, event_type, message } = value
  if (typeof flow_id !== 'string' || typeof run_id !== 'string' || typeof timestamp !== 'string') return null
  if (typeof message !== 'string' || (node_id !== null && typeof node_id !== 'string')) return null
  if (!RUN_EVENT_TYPES.some((type) => type === event_type)) return null
  return { flow_id, run_id, timestamp, node_id, event_type: event_type as RunEventType, message }
}

/** The runs a `reset` event carries; null when the payload is unreadable. */
export function decodeReset(data: string): FlowRun[] | null {
  const value = parse(data)
  if (!isObject(value) || !Array.isArray(value['runs'])) return null
  // The server builds it from the same list GET /runs returns.
  return value['runs'] as FlowRun[]
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data) as unknown
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
