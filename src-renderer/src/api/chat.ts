import type { ApiClient } from './client'
import type {
  SessionListing,
  DeletedSessionResponse,
  NewSessionResponse,
  StopResponse,
  TranscriptPage,
} from '../../../src-main/contract/api'

/** Who a chat talks to: one executor node, or (nodeId null) the flow's lead agent. */
export interface ChatTarget {
  flowId: string
  nodeId: string | null
}

/** The base of a chat's routes; the lead agent's are the node routes without `/nodes/{nodeId}`. */
export function interactPath({ flowId, nodeId }: ChatTarget): string {
  const flow = `/api/flows/${encodeURIComponent(flowId)}`
  return nodeId === null ? `${flow}/interact` : `${flow}/nodes/${encodeURIComponent(nodeId)}/interact`
}

export interface SlashCommands {
  commands: string[]
  known: boolean
}

/** Where a chat's slash commands are listed: beside its interact routes. */
export function slashCommandsPath({ flowId, nodeId }: ChatTarget): string {
  const flow = `/api/flows/${encodeURIComponent(flowId)}`
  return nodeId === null ? `${flow}/slash-commands` : `${flow}/nodes/${encodeURIComponent(nodeId)}/slash-commands`
}

/** The chat routes of one executor node or the lead agent, as plain async functions. */
export interface ChatApi {
  listSessions(target: ChatTarget): Promise<SessionListing>
  newSession(target: ChatTarget): Promise<NewSessionResponse>
  deleteSession(target: ChatTarget, sessionId: string): Promise<DeletedSessionResponse>
  /** Resolves once the running turn has ended (at once when none runs). */
  stop(target: ChatTarget, sessionId: string): Promise<void>
  /** The slash commands the chat's claude offers (known once a process of that chat has started). */
  slashCommands(target: ChatTarget): Promise<SlashCommands>
  /** A page of the session's stored history, newest page first; `before` pages further back. */
  transcript(target: ChatTarget, sessionId: string, before: string | null, limit?: number): Promise<TranscriptPage>
}

export function createChatApi(client: ApiClient): ChatApi {
  const base = interactPath

  return {
    listSessions(target) {
      return client.request<SessionListing>('GET', `${base(target)}/sessions`)
    },
    newSession(target) {
      return client.request<NewSessionResponse>('POST', `${base(target)}/new`)
    },
    deleteSession(target, sessionId) {
      return client.request<DeletedSessionResponse>(
        'DELETE',
        `${base(target)}/sessions/${encodeURIComponent(sessionId)}`,
      )
    },
    async stop(target, sessionId) {
      await client.request<StopResponse>('POST', `${base(target)}/stop`, { session_id: sessionId })
    },
    slashCommands(target) {
      return client.request<SlashCommands>('GET', slashCommandsPath(target))
    },
    transcript(target, sessionId, before, limit = 200) {
      const query = new URLSearchParams({ limit: String(limit) })
      if (before !== null) query.set('before', before)
      return client.request<TranscriptPage>('GET', `${base(target)}/sessions/${encodeURIComponent(sessionId)}/transcript?${query.toString()}`)
    },
  }
}
