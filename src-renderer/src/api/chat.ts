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
  /** POSTs a message; the response body is the turn's event stream. */
  openMessage(target: ChatTarget, prompt: string, sessionId: string, signal: AbortSignal): Promise<Response>
  /** Re-attaches to a session's stream after `lastEventId` (null: from the latest turn's start). */
  openAttach(target: ChatTarget, sessionId: string, lastEventId: number | null, signal: AbortSignal): Promise<Response>
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
    openMessage(target, prompt, sessionId, signal) {
      return client.stream('POST', base(target), { body: { prompt, session_id: sessionId }, signal })
    },
    openAttach(target, sessionId, lastEventId, signal) {
      const query = new URLSearchParams({ session_id: sessionId })
      return client.stream('GET', `${base(target)}/stream?${query.toString()}`, {
        headers: lastEventId === null ? {} : { 'Last-Event-ID': String(lastEventId) },
        signal,
      })
    },
  }
}
