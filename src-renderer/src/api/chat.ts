import type { ApiClient } from './client'
import type {
  SessionListing,
  DeletedSessionResponse,
  NewSessionResponse,
  StopResponse,
} from '../../../src-main/contract/api'

/** The executor node a chat talks to. */
export interface ChatTarget {
  flowId: string
  nodeId: string
}

/** The chat routes of one executor node, as plain async functions. */
export interface ChatApi {
  listSessions(target: ChatTarget): Promise<SessionListing>
  newSession(target: ChatTarget): Promise<NewSessionResponse>
  deleteSession(target: ChatTarget, sessionId: string): Promise<DeletedSessionResponse>
  /** Resolves once the running turn has ended (at once when none runs). */
  stop(target: ChatTarget, sessionId: string): Promise<void>
}

export function createChatApi(client: ApiClient): ChatApi {
  const base = ({ flowId, nodeId }: ChatTarget): string =>
    `/api/flows/${encodeURIComponent(flowId)}/nodes/${encodeURIComponent(nodeId)}/interact`

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
  }
}
