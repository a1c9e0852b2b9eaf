// What a chat with a node would start from (§4.6): its prompt, permissions,
// appended system prompt and working directory, straight from its config.
import type { FastifyInstance } from 'fastify'
import type { FlowStore } from '../../flows/flow-store'
import type { FlowRunner } from '../../runs/runner'
import { executorSettings, findExecutor } from '../../sessions/executor-settings'
import { nodesSummary } from '../../sessions/skill-doc'
import { notFound } from '../errors'
import { safeId } from '../request'

interface NodeParams {
  Params: { id: string; node_id: string }
}

interface FlowParams {
  Params: { id: string }
}

export function sessionInfoRoutes(api: FastifyInstance, flows: FlowStore, runner: FlowRunner, serverCwd: string): void {
  // The lead agent's view: this one really fetches the sources and renders the prompt.
  api.get<FlowParams>('/api/flows/:id/session', async (request) => {
    const flow = flows.get(safeId(request.params.id))
    if (!flow) throw notFound('flow not found')
    try {
      const { prompt, executor } = await runner.prepare(flow)
      const config = executor.config as Record<string, unknown>
      const settings = executorSettings(executor, serverCwd)
      return {
        flow_id: flow.id,
        flow_name: flow.name,
        prompt,
        permissions: settings.permissions,
        append_system_prompt: typeof config.append_system_prompt === 'string' ? config.append_system_prompt : null,
        working_dir: settings.workingDirAsConfigured,
        sources_summary: nodesSummary(flow, 'source'),
        sinks_summary: nodesSummary(flow, 'sink'),
      }
    } catch {
      // Anything that stops the preparation (no executor, a bad config, an unreadable prompt file) gives the neutral answer.
      return {
        flow_id: flow.id,
        flow_name: flow.name,
        prompt: '',
        permissions: [],
        append_system_prompt: null,
        working_dir: serverCwd,
        sources_summary: 'No sources configured',
        sinks_summary: 'No sinks configured',
      }
    }
  })

  api.get<NodeParams>('/api/flows/:id/nodes/:node_id/session', async (request) => {
    const flow = flows.get(safeId(request.params.id))
    if (!flow) throw notFound('flow not found')
    const nodeId = safeId(request.params.node_id)
    const node = findExecutor(flow, nodeId)
    if (!node) throw notFound(`executor node '${nodeId}' not found in flow`)
    const settings = executorSettings(node, serverCwd)
    const config = (typeof node.config === 'object' && node.config !== null ? node.config : {}) as Record<string, unknown>
    return {
      flow_id: flow.id,
      flow_name: flow.name,
      prompt: typeof config.prompt === 'string' ? config.prompt : '',
      permissions: settings.permissions,
      append_system_prompt: typeof config.append_system_prompt === 'string' ? config.append_system_prompt : null,
      working_dir: settings.workingDirAsConfigured,
      sources_summary: 'N/A (node-level chat)',
      sinks_summary: 'N/A (node-level chat)',
    }
  })
}
