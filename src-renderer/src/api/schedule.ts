import type { CronValidation, FlowSchedule } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

export interface ScheduleApi {
  get(flowId: string): Promise<FlowSchedule>
  validateCron(expression: string): Promise<CronValidation>
}

export function createScheduleApi(client: ApiClient): ScheduleApi {
  return {
    get(flowId) {
      return client.request<FlowSchedule>('GET', `/api/flows/${encodeURIComponent(flowId)}/schedule`)
    },
    validateCron(expression) {
      return client.request<CronValidation>('POST', '/api/validate/cron', { expression })
    },
  }
}
