import type { RunEvent, RunEventType } from '../../../src-main/contract/api'

/** One line of the live run log. `key` is unique within the log (the stream's event id). */
export interface RunLogLine {
  key: string
  timestamp: string
  nodeId: string | null
  type: RunEventType
  message: string
}

/** The lines of one run, in the order they arrived. */
export interface RunLogGroup {
  runId: string
  lines: RunLogLine[]
}

// The log is a live view, not the history: keep the last few runs, so a flow
// left open for days does not grow without bound.
const MAX_GROUPS = 10
const MAX_LINES_PER_GROUP = 200

let lastLocalKey = 0

/** Adds an event to its run's group (a new group goes last); a repeated id is ignored. */
export function appendRunEvent(log: readonly RunLogGroup[], event: RunEvent, id: string): readonly RunLogGroup[] {
  // Every event should carry an id; one that does not still needs a React key.
  const line: RunLogLine = {
    key: id !== '' ? id : `local-${++lastLocalKey}`,
    timestamp: event.timestamp,
    nodeId: event.node_id,
    type: event.event_type,
    message: event.message,
  }
  const index = log.findIndex((group) => group.runId === event.run_id)
  if (index === -1) return [...log, { runId: event.run_id, lines: [line] }].slice(-MAX_GROUPS)
  const group = log[index]
  if (group === undefined) return log
  // A replay after a reconnect may repeat lines we already show.
  if (group.lines.some((existing) => existing.key === line.key)) return log
  const next = [...log]
  next[index] = { runId: group.runId, lines: [...group.lines, line].slice(-MAX_LINES_PER_GROUP) }
  return next
}
