// The slash commands a chat's CLI offers (an extension), as its last start
// listed them: for an executor node's chat and for a flow's lead agent.
import type { FastifyInstance } from 'fastify'
import type { SlashCommandsResponse } from '../../contract/chat'
import type { InteractService } from '../../sessions/interact-service'
import { safeId } from '../request'

interface Params {
  Params: { id: string; node_id?: string }
}

export function slashCommandRoutes(api: FastifyInstance, interact: InteractService): void {
  api.get<Params>('/api/flows/:id/slash-commands', async (request): Promise<SlashCommandsResponse> => interact.slashCommands(safeId(request.params.id)))
  api.get<Params>('/api/flows/:id/nodes/:node_id/slash-commands', async (request): Promise<SlashCommandsResponse> =>
    interact.slashCommands(safeId(request.params.id), safeId(request.params.node_id)),
  )
}
