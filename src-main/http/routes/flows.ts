// Flows CRUD (§4.3).
import type { FastifyInstance } from 'fastify'
import type { CreatedResponse, DeletedResponse, FlowConflict } from '../../contract/api'
import { FlowConflictError, type FlowStore } from '../../flows/flow-store'
import { flowChangesSchema, newFlowSchema } from '../../flows/model'
import { notFound, storageStep } from '../errors'
import { jsonBody, safeId, sendJsonText } from '../request'

interface IdParams {
  Params: { id: string }
}

export function flowRoutes(api: FastifyInstance, flows: FlowStore): void {
  api.get('/api/flows', (_request, reply) => sendJsonText(reply, 200, flows.summariesJson()))

  api.post('/api/flows', async (request, reply) => {
    const input = jsonBody(request, newFlowSchema)
    const flow = await storageStep('failed to save flow', () => flows.create(input))
    const created: CreatedResponse = { id: flow.id }
    return reply.code(201).send(created)
  })

  api.get<IdParams>('/api/flows/:id', (request, reply) => {
    const json = flows.getJson(safeId(request.params.id))
    if (json === undefined) throw notFound('flow not found')
    return sendJsonText(reply, 200, json)
  })

  // An extension: `If-Match: <updated_at>` refuses to overwrite a newer version (412 with it).
  api.put<IdParams>('/api/flows/:id', async (request, reply) => {
    const id = safeId(request.params.id)
    const changes = jsonBody(request, flowChangesSchema)
    const ifMatch = request.headers['if-match']
    const expected = typeof ifMatch === 'string' && ifMatch !== '' && ifMatch !== '*' ? ifMatch.replace(/^"|"$/g, '') : undefined
    try {
      const flow = await storageStep('failed to save flow', () => flows.update(id, changes, expected), FlowConflictError)
      if (!flow) throw notFound('flow not found')
      return flow
    } catch (error) {
      if (!(error instanceof FlowConflictError)) throw error
      const conflict: FlowConflict = { error: error.message, flow: error.current }
      return reply.code(412).send(conflict)
    }
  })

  api.delete<IdParams>('/api/flows/:id', async (request) => {
    const id = safeId(request.params.id)
    const flow = await storageStep('failed to delete flow', () => flows.delete(id))
    if (!flow) throw notFound('flow not found')
    const deleted: DeletedResponse = { deleted: true }
    return deleted
  })
}
