import type { FlowSchedule } from '../../../src-main/contract/api'
import { formatLocalRun, formatUtcRun } from './schedule-format'

/** The scheduler's next run for the flow, or why there is none. */
export function NextRun({ schedule, enabled }: { schedule: FlowSchedule | null; enabled: boolean }) {
  if (schedule === null) return <>…</>
  if (schedule.next_run !== null) {
    return (
      <>
        <time dateTime={schedule.next_run}>{formatLocalRun(schedule.next_run)}</time>{' '}
        <span className="schedule__utc">({formatUtcRun(schedule.next_run)})</span>
        {!enabled && <span className="schedule__paused"> · paused while the flow is disabled</span>}
      </>
    )
  }
  if (schedule.error !== undefined) return <span className="schedule__error">{schedule.error}</span>
  if (schedule.trigger_kind === null) return <>—</>
  if (schedule.trigger_kind === 'cron') return <>Never (no date matches the schedule)</>
  return <>Not on a clock ({schedule.trigger_kind} trigger)</>
}
