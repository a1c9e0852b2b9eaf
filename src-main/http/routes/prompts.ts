// The prompt library (§11).
import type { FastifyInstance } from 'fastify'
import type { CreatedResponse, DeletedResponse } from '../../contract/api'
import { newPromptSchema, promptChangesSchema, summarizeSchema } from '../../prompts/model'
import type { PromptStore } from '../../prompts/prompt-store'
import { summarizeTranscript } from '../../prompts/summarize'
import type { ClaudeRuntime } from '../../agent/claude-runtime'
import { HttpError, notFound, storageStep } from '../errors'
import { jsonBody, safeId, sendJsonText } from '../request'

interface IdParams {
  Params: { id: string }
}

export function promptRoutes(api: FastifyInstance, prompts: PromptStore, runtime: ClaudeRuntime, serverCwd: string): void {
  api.get('/api/prompts', (_request, reply) => sendJsonText(reply, 200, prompts.listJson()))

  api.post('/api/prompts', async (request, reply) => {
    const input = jsonBody(request, newPromptSchema)
    const prompt = await storageStep('failed to save prompt', () => prompts.create(input))
    const created: CreatedResponse = { id: prompt.id }
    return reply.code(201).send(created)
  })

  // A static segment wins over /api/prompts/:id: other methods on it are 405, not "prompt not found".
  api.post('/api/prompts/summarize', async (request) => summarizeTranscript(jsonBody(request, summarizeSchema), runtime, serverCwd))
  api.route({
    method: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'],
    url: '/api/prompts/summarize',
    config: { refusesMethod: true },
    handler: async (request) => {
      throw new HttpError(405, `method ${request.method} not allowed`, { allow: 'POST' })
    },
  })

  api.get<IdParams>('/api/prompts/:id', (request, reply) => {
    const json = prompts.getJson(safeId(request.params.id))
    if (json === undefined) throw notFound('prompt not found')
    return sendJsonText(reply, 200, json)
  })

  api.put<IdParams>('/api/prompts/:id', async (request) => {
    const id = safeId(request.params.id)
    const changes = jsonBody(request, promptChangesSchema)
    const prompt = await storageStep('failed to update prompt', () => prompts.update(id, changes))
    if (!prompt) throw notFound('prompt not found')
    return prompt
  })

  api.delete<IdParams>('/api/prompts/:id', async (request) => {
    const id = safeId(request.params.id)
    const removed = await storageStep('failed to delete prompt', () => prompts.delete(id))
    if (!removed) throw notFound('prompt not found')
    const deleted: DeletedResponse = { deleted: true }
    return deleted
  })
}
