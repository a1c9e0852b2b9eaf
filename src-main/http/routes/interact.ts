// Chat routes (§4.7–4.9, §5.2): flow-level and node-level messages streamed as
// SSE, re-attaching to a session's stream, stop, and session management.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { InteractService } from '../../sessions/interact-service'
import type { SessionEvents } from '../../sessions/session-events'
import { optional } from '../../schema'
import { jsonBody, optionalJsonBody, safeId } from '../request'
import type { SseStream, SseStreams } from '../sse'
import { BODY_LIMIT } from '../server'
import { decodedSize, IMAGE_MEDIA_TYPES, MAX_IMAGE_BYTES, MAX_IMAGES } from '../../sessions/chat-images'

const imageSchema = z.object({
  media_type: z.enum(IMAGE_MEDIA_TYPES),
  data: z.string().superRefine((data, context) => {
    const size = decodedSize(data)
    if (size === null) context.addIssue({ code: 'custom', message: 'expected base64 text' })
    else if (size > MAX_IMAGE_BYTES) context.addIssue({ code: 'custom', message: `image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` })
  }),
})

const messageSchema = z.object({
  prompt: z.string(),
  session_id: optional(z.string()),
  images: optional(z.array(imageSchema).max(MAX_IMAGES, `at most ${MAX_IMAGES} images`)),
})

/** Room for the images (base64 is 4/3 of their size: 33.3 MiB) next to the prompt, rounded up to whole MiB. */
const MESSAGE_BODY_LIMIT = Math.ceil((Math.ceil((MAX_IMAGES * MAX_IMAGE_BYTES * 4) / 3) + BODY_LIMIT) / 1024 / 1024) * 1024 * 1024
const stopSchema = z.object({ session_id: optional(z.string()) })

interface FlowParams {
  Params: { id: string }
}
interface NodeParams {
  Params: { id: string; node_id: string }
}
interface SessionParams {
  Params: { id: string; node_id?: string; session_id: string }
}
interface AttachQuery {
  Querystring: { session_id?: string; last_event_id?: string }
}

/** Streams a session's events from `fromId` until its turn ends, then closes. */
function pipeTurn(stream: SseStream, events: SessionEvents, fromId: number): void {
  const unfollow = events.follow(fromId, { event: (event) => stream.send(event), end: () => stream.close() })
  stream.onClose(unfollow)
}

const optionalId = (value: string | undefined) => (value === undefined ? undefined : safeId(value))

/** Where a re-attaching client resumes: after Last-Event-ID, else from the start of the latest turn. */
function resumeFrom(request: FastifyRequest<AttachQuery>, events: SessionEvents): number {
  const header = request.headers['last-event-id'] ?? request.query.last_event_id
  const last = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : null
  return last === null ? events.lastTurnStart : last + 1
}

export function interactRoutes(api: FastifyInstance, interact: InteractService, streams: SseStreams): void {
  // ---- messages ----
  api.post<NodeParams>('/api/flows/:id/nodes/:node_id/interact', { bodyLimit: MESSAGE_BODY_LIMIT }, async (request, reply) => {
    const flowId = safeId(request.params.id)
    const nodeId = safeId(request.params.node_id)
    const body = jsonBody(request, messageSchema)
    const turn = await interact.nodeMessage(flowId, nodeId, body.prompt, optionalId(body.session_id), body.images ?? [])
    pipeTurn(streams.start(reply), turn.events, turn.firstId)
  })

  api.post<FlowParams>('/api/flows/:id/interact', { bodyLimit: MESSAGE_BODY_LIMIT }, async (request, reply) => {
    const flowId = safeId(request.params.id)
    const body = jsonBody(request, messageSchema)
    const turn = await interact.flowMessage(flowId, body.prompt, optionalId(body.session_id), body.images ?? [])
    pipeTurn(streams.start(reply), turn.events, turn.firstId)
  })

  // ---- re-attaching (an extension: EventSource-friendly, token may be in the query) ----
  api.get<NodeParams & AttachQuery>('/api/flows/:id/nodes/:node_id/interact/stream', { config: { tokenInQuery: true } }, async (request, reply) => {
    const events = interact.sessionEvents(safeId(request.params.id), safeId(request.params.node_id), optionalId(request.query.session_id))
    pipeTurn(streams.start(reply), events, resumeFrom(request, events))
  })

  api.get<FlowParams & AttachQuery>('/api/flows/:id/interact/stream', { config: { tokenInQuery: true } }, async (request, reply) => {
    const events = interact.sessionEvents(safeId(request.params.id), undefined, optionalId(request.query.session_id))
    pipeTurn(streams.start(reply), events, resumeFrom(request, events))
  })

  // ---- stop ----
  api.post<FlowParams>('/api/flows/:id/interact/stop', async (request) => {
    const body = optionalJsonBody(request, stopSchema)
    await interact.stop(safeId(request.params.id), undefined, optionalId(body?.session_id))
    return { status: 'stopped' }
  })

  api.post<NodeParams>('/api/flows/:id/nodes/:node_id/interact/stop', async (request) => {
    const body = optionalJsonBody(request, stopSchema)
    await interact.stop(safeId(request.params.id), safeId(request.params.node_id), optionalId(body?.session_id))
    return { status: 'stopped' }
  })

  // ---- session management ----
  api.get<FlowParams>('/api/flows/:id/interact/sessions', async (request) => interact.list(safeId(request.params.id)))
  api.get<NodeParams>('/api/flows/:id/nodes/:node_id/interact/sessions', async (request) =>
    interact.list(safeId(request.params.id), safeId(request.params.node_id)),
  )

  api.post<FlowParams>('/api/flows/:id/interact/new', async (request) => interact.newSession(safeId(request.params.id)))
  api.post<NodeParams>('/api/flows/:id/nodes/:node_id/interact/new', async (request) =>
    interact.newSession(safeId(request.params.id), safeId(request.params.node_id)),
  )

  const remove = async (request: FastifyRequest<SessionParams>) =>
    interact.deleteSession(safeId(request.params.id), optionalId(request.params.node_id), safeId(request.params.session_id))
  api.delete<SessionParams>('/api/flows/:id/interact/sessions/:session_id', remove)
  api.delete<SessionParams>('/api/flows/:id/nodes/:node_id/interact/sessions/:session_id', remove)

  api.post<FlowParams>('/api/flows/:id/interact/reset', async (request) => {
    await interact.resetFlow(safeId(request.params.id))
    return { status: 'reset' }
  })
}
