// Scheduling views (§10.5–10.7): a flow's next runs, the scheduler's state,
// and cron validation as the canvas types.
import type { FastifyInstance } from 'fastify'
import type { CronValidation, FlowSchedule } from '../../contract/api'
import { z } from 'zod'
import type { FlowStore } from '../../flows/flow-store'
import { cronTimestamp, parseCron, upcoming } from '../../scheduler/cron'
import { prTriggerConfig } from '../../scheduler/pr-reviews'
import { firstTrigger, type Scheduler } from '../../scheduler/scheduler'
import { notFound } from '../errors'
import { jsonBody, safeId } from '../request'

const validateSchema = z.object({ expression: z.string() })

export function schedulerRoutes(api: FastifyInstance, flows: FlowStore, scheduler: Scheduler, now: () => Date): void {
  api.get<{ Params: { id: string } }>('/api/flows/:id/schedule', async (request): Promise<FlowSchedule> => {
    const flow = flows.get(safeId(request.params.id))
    if (!flow) throw notFound('flow not found')
    const trigger = firstTrigger(flow)
    const base = { flow_id: flow.id }
    if (!trigger) return { ...base, trigger_kind: null, next_run: null, schedule: null }
    const config = (typeof trigger.config === 'object' && trigger.config !== null ? trigger.config : {}) as Record<string, unknown>
    if (trigger.kind === 'cron') {
      const schedule = typeof config.schedule === 'string' ? config.schedule : ''
      if (schedule.trim() === '') return { ...base, trigger_kind: 'cron', schedule: '', next_run: null, error: 'no schedule configured' }
      const parsed = parseCron(schedule)
      if (!parsed.ok) return { ...base, trigger_kind: 'cron', schedule, next_run: null, error: `invalid cron: ${parsed.error}` }
      const next = upcoming(parsed.cron, now()).map(cronTimestamp)
      return { ...base, trigger_kind: 'cron', enabled: flow.enabled, schedule, next_run: next[0] ?? null, next_runs: next }
    }
    if (trigger.kind === 'github-pr') return { ...base, trigger_kind: 'github-pr', enabled: flow.enabled, poll_interval_secs: prTriggerConfig(trigger.config).pollSeconds, next_run: null }
    return { ...base, trigger_kind: trigger.kind, enabled: flow.enabled, next_run: null }
  })

  api.get('/api/scheduler/status', async () => scheduler.status())

  api.post('/api/validate/cron', async (request): Promise<CronValidation> => {
    const expression = jsonBody(request, validateSchema).expression.trim()
    if (expression === '') return { valid: false, error: 'empty expression', next_runs: [] }
    const parsed = parseCron(expression)
    if (!parsed.ok) return { valid: false, expression, error: parsed.error, next_runs: [] }
    return { valid: true, expression, next_runs: upcoming(parsed.cron, now()).map(cronTimestamp) }
  })
}
