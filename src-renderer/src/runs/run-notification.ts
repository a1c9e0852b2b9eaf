import type { RunFinished } from '../../../src-main/contract/api'
import type { ConsoleLevel } from '../console/store'
import { formatDuration } from './run-format'

export interface RunNotice {
  /** "Daily digest — run failed", "Daily digest — completed in 12.0 s", "Daily digest — cancelled" */
  title: string
  /** Why it failed, or what the run said last. */
  body: string
  level: ConsoleLevel
}

const STARTED_BY = { manual: 'Started by hand', cron: 'Started on schedule', webhook: 'Started by a webhook', 'github-pr': 'Started by a pull request' } as const

/** What the desktop and the console say when a run ends. */
export function runNotice(run: RunFinished): RunNotice {
  const name = run.flow_name.trim() || 'Untitled flow'
  if (run.status === 'failed') return { title: `${name} — run failed`, body: run.message, level: 'error' }
  if (run.status === 'cancelled') return { title: `${name} — cancelled`, body: run.message, level: 'warn' }
  const took = formatDuration(run.started_at, run.finished_at)
  return {
    title: took ? `${name} — completed in ${took}` : `${name} — completed`,
    body: run.last_output ?? (run.trigger ? STARTED_BY[run.trigger] : run.message),
    level: 'info',
  }
}
