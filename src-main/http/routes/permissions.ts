// Tool approvals (an extension, issue 9): the pending questions of every chat
// and run, a stream announcing them (pending ones first on every connect, so a
// reloaded UI sees them again), and the answer.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { PermissionAnswerResponse, PermissionListResponse } from '../../contract/api'
import type { PermissionEvent, PermissionRegistry } from '../../permissions/registry'
import { optional } from '../../schema'
import { HttpError, notFound } from '../errors'
import { jsonBody, safeId } from '../request'
import type { SseStreams } from '../sse'

const answerSchema = z.strictObject({
  behavior: z.enum(['allow', 'deny']),
  scope: optional(z.enum(['once', 'session', 'always'])),
  message: optional(z.string().max(10_000)),
  updated_input: optional(z.record(z.string(), z.unknown())),
})

interface IdParams {
  Params: { id: string }
}

const frame = (event: PermissionEvent, id: number) => ({ event: event.event, data: JSON.stringify(event.data), id })

export function permissionRoutes(api: FastifyInstance, registry: PermissionRegistry, streams: SseStreams): void {
  api.get('/api/permissions', async (): Promise<PermissionListResponse> => ({ permissions: registry.list() }))

  api.get('/api/permissions/stream', { config: { tokenInQuery: true } }, async (_request, reply) => {
    const stream = streams.start(reply)
    const { pending, unsubscribe } = registry.subscribe((event, id) => stream.send(frame(event, id)))
    stream.sendAll(pending.map(({ event, id }) => frame(event, id)))
    stream.onClose(unsubscribe)
  })

  api.post<IdParams>('/api/permissions/:id', async (request): Promise<PermissionAnswerResponse> => {
    const id = safeId(request.params.id)
    const body = jsonBody(request, answerSchema)
    const result = registry.answer(id, {
      behavior: body.behavior,
      ...(body.scope !== undefined ? { scope: body.scope } : {}),
      ...(body.message !== undefined ? { message: body.message } : {}),
      ...(body.updated_input !== undefined ? { updated_input: body.updated_input } : {}),
    })
    if (result.kind === 'unknown') throw notFound(`permission request ${id} not found`)
    if (result.kind === 'already') throw new HttpError(409, `permission request ${id} was already settled (${result.settled.outcome})`)
    return { settled: result.settled }
  })
}
