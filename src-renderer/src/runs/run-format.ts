import type { FlowNode, FlowRunStatus, RunEventType } from '../../../src-main/contract/api'

// Log lines want the second a thing happened; the date is in the run's header.
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** Local wall-clock time of an ISO timestamp, to the second (the raw text if it does not parse). */
export function formatClock(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : clock.format(date)
}

/** How long a run or node took: "0.8 s", "2 min 5 s"; null while it has not finished. */
export function formatDuration(startedAt: string, finishedAt: string | null): string | null {
  if (finishedAt === null) return null
  const ms = new Date(finishedAt).getTime() - new Date(startedAt).getTime()
  if (!Number.isFinite(ms) || ms < 0) return null
  return formatElapsed(ms)
}

/** A span of time: "0.8 s", "2 min 5 s", "1 h 3 min". */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** The colour family of a log line: failures red, completions green, the rest plain. */
export type EventTone = 'failed' | 'completed' | 'started' | 'info'

export function eventTone(type: RunEventType): EventTone {
  switch (type) {
    case 'node_failed':
    case 'run_failed':
    case 'run_cancelled':
      return 'failed'
    case 'node_completed':
    case 'run_completed':
      return 'completed'
    case 'run_started':
    case 'node_started':
      return 'started'
    case 'log':
    case 'executor_text':
    case 'executor_tool_use':
    case 'executor_tool_result':
      return 'info'
  }
}

/** Who a line or node run is about: the node's label, or "flow" for the run as a whole. */
export function nodeLabel(nodes: readonly FlowNode[] | undefined, nodeId: string | null): string {
  if (nodeId === null) return 'flow'
  const node = nodes?.find((candidate) => candidate.id === nodeId)
  // A node removed since the run still deserves a name: its id.
  return node ? node.label || node.kind : nodeId
}

export const STATUS_LABELS: Record<FlowRunStatus, string> = {
  running: 'Running',
  success: 'Success',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** The first lines of a node's output, for a glance on hover: at most `maxLines` lines and `maxChars` characters, "…" when cut. */
export function outputExcerpt(text: string, maxLines = 6, maxChars = 400): string {
  const lines = text.trim().split('\n')
  let excerpt = lines.slice(0, maxLines).join('\n')
  if (excerpt.length > maxChars) excerpt = excerpt.slice(0, maxChars).trimEnd()
  return excerpt.length < text.trim().length ? `${excerpt}…` : excerpt
}
