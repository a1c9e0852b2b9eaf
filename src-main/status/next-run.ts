// The soonest cron fire among the flows the scheduler is running.
import type { Flow } from '../contract/api'
import { cronTimestamp } from '../scheduler/cron'
import { cronSchedule } from '../scheduler/cron-schedules'
import { firstTrigger } from '../scheduler/scheduler'

export function nextCronRun(flows: readonly Flow[], isActive: (flowId: string) => boolean, now: Date): { flow_id: string; at: string } | null {
  let best: { flow_id: string; at: Date } | null = null
  for (const flow of flows) {
    const trigger = firstTrigger(flow)
    if (trigger?.kind !== 'cron' || !isActive(flow.id)) continue
    const schedule = (trigger.config as { schedule?: unknown } | null)?.schedule
    if (typeof schedule !== 'string') continue
    const parsed = cronSchedule(schedule)
    const at = parsed.ok ? parsed.schedule.next(now) : null
    if (at && (!best || at < best.at)) best = { flow_id: flow.id, at }
  }
  return best ? { flow_id: best.flow_id, at: cronTimestamp(best.at) } : null
}
