// GET /api/status (extension): what the status bar and the settings screen show.
import type { FastifyInstance } from 'fastify'
import type { AppStatus } from '../../contract/api'
import { AppStatusService, type StatusDeps } from '../../status/app-status'

export function statusRoutes(api: FastifyInstance, deps: StatusDeps): void {
  const status = new AppStatusService(deps)
  api.get('/api/status', async (): Promise<AppStatus> => status.read())
}
