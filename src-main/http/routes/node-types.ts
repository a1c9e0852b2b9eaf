import type { FastifyInstance } from 'fastify'
import type { NodeTypesResponse } from '../../contract/api'
import { NODE_KINDS } from '../../flows/node-kinds'
import { sendJsonText } from '../request'

/** GET /api/node-types — the static catalogue of §8.2. */
export function nodeTypeRoutes(api: FastifyInstance): void {
  const body: NodeTypesResponse = { node_types: [...NODE_KINDS] }
  const json = JSON.stringify(body)
  api.get('/api/node-types', (_request, reply) => sendJsonText(reply, 200, json))
}
