import type { RunFinished } from '../../../src-main/contract/api'
import type { StreamMessage } from '../../../src-main/contract/bridge'

const STATUSES = new Set(['success', 'failed', 'cancelled'])
const TEXT_FIELDS = ['flow_id', 'flow_name', 'run_id', 'message', 'started_at', 'finished_at'] as const

/** Reads a run of any flow ending from the app-wide stream; null for anything else. */
export function decodeRunFinished(message: StreamMessage): RunFinished | null {
  if (message.event !== 'run_finished') return null
  let data: unknown
  try {
    data = JSON.parse(message.data)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const fields = data as Record<string, unknown>
  if (TEXT_FIELDS.some((name) => typeof fields[name] !== 'string')) return null
  if (typeof fields.status !== 'string' || !STATUSES.has(fields.status)) return null
  return {
    ...(data as RunFinished),
    trigger: typeof fields.trigger === 'string' ? (fields.trigger as RunFinished['trigger']) : null,
    last_output: typeof fields.last_output === 'string' ? fields.last_output : null,
  }
}
