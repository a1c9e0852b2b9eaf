// Wire shapes of the executor-chat routes. They belong with the shared API
// contract (src-main/contract/api.ts); kept here until they move there.

export interface ChatSessionInfo {
  session_id: string
  /** The first prompt, shortened; empty for a session with no message yet. */
  summary: string
  message_count: number
  total_cost: number
  created_at: string
  busy: boolean
}

export interface ChatSessionListing {
  flow_name: string
  /** Empty when the node has no session yet. */
  active_session: string
  sessions: ChatSessionInfo[]
}

export interface NewChatSessionResponse {
  session_id: string
  created_at: string
  warning?: string
}

export interface DeletedChatSessionResponse {
  deleted: true
  active_session: string
}

export interface StopChatResponse {
  status: 'stopped'
}
