// Stored chat transcripts (an extension, issue 9): a session's history paged
// from the newest entry, for node chats and lead-agent chats alike.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TranscriptPage } from '../../contract/api'
import type { InteractService } from '../../sessions/interact-service'
import { DEFAULT_PAGE, MAX_PAGE } from '../../sessions/transcript-page'
import { HttpError } from '../errors'
import { safeId } from '../request'

interface TranscriptRequest {
  Params: { id: string; node_id?: string; session_id: string }
  Querystring: { before?: string; limit?: string }
}

function nonNegative(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new HttpError(422, `${field}: expected a non-negative integer`)
  return Number(value)
}

export function transcriptRoutes(api: FastifyInstance, interact: InteractService): void {
  const handler = async (request: FastifyRequest<TranscriptRequest>): Promise<TranscriptPage> => {
    const before = nonNegative(request.query.before, 'before')
    const limit = Math.min(nonNegative(request.query.limit, 'limit') ?? DEFAULT_PAGE, MAX_PAGE)
    if (limit === 0) throw new HttpError(422, 'limit: must be at least 1')
    const nodeId = request.params.node_id === undefined ? undefined : safeId(request.params.node_id)
    return interact.transcript(safeId(request.params.id), nodeId, safeId(request.params.session_id), before, limit)
  }
  api.get<TranscriptRequest>('/api/flows/:id/interact/sessions/:session_id/transcript', handler)
  api.get<TranscriptRequest>('/api/flows/:id/nodes/:node_id/interact/sessions/:session_id/transcript', handler)
}
