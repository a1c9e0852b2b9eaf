import type { RunFinished } from '../../../src-main/contract/api'
import type { StreamMessage } from '../../../src-main/contract/bridge'
import { objectData } from './stream-data'

const STATUSES = new Set(['success', 'failed', 'cancelled'])
const TEXT_FIELDS = ['flow_id', 'flow_name', 'run_id', 'message', 'started_at', 'finished_at'] as const

/** Reads a run of any flow ending from the app-wide stream; null for anything else. */
export function decodeRunFinished(message: StreamMessage): RunFinished | null {
  if (message.event !== 'run_finished') return null
  const fields = objectData(message)
  if (fields === null) return null
  if (TEXT_FIELDS.some((name) => typeof fields[name] !== 'string')) return null
  if (typeof fields.status !== 'string' || !STATUSES.has(fields.status)) return null
  return {
    ...(fields as unknown as RunFinished),
    trigger: typeof fields.trigger === 'string' ? (fields.trigger as RunFinished['trigger']) : null,
    last_output: typeof fields.last_output === 'string' ? fields.last_output : null,
  }
}
