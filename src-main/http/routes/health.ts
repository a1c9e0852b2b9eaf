import type { FastifyInstance } from 'fastify'
import type { HealthResponse } from '../../contract/api'

/** GET /health — public, for connectivity polling. */
export function healthRoutes(app: FastifyInstance): void {
  const ok: HealthResponse = { status: 'ok' }
  app.get('/health', async () => ok)
}
