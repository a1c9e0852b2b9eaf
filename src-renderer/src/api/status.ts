import type { AppStatus } from '../../../src-main/contract/api'
import type { ApiClient } from './client'

/** What the status bar and settings show: claude, live processes, scheduler. */
export function fetchAppStatus(client: ApiClient): Promise<AppStatus> {
  return client.request<AppStatus>('GET', '/api/status')
}
