import type { StreamMessage } from '../../../src-main/contract/bridge'
import { objectData } from './stream-data'

export interface ChatActivity {
  type: 'turn_started' | 'turn_ended'
  flowId: string
  /** null: the flow's lead agent. */
  nodeId: string | null
  sessionId: string
}

/** Reads a turn starting or ending from the app-wide stream (or /api/chat/activity); null for anything else. */
export function decodeChatActivity(message: StreamMessage): ChatActivity | null {
  if (message.event !== 'turn_started' && message.event !== 'turn_ended') return null
  const data = objectData(message)
  if (data === null) return null
  const { flow_id: flowId, node_id: nodeId, session_id: sessionId } = data
  if (typeof flowId !== 'string' || typeof sessionId !== 'string' || (nodeId !== null && typeof nodeId !== 'string')) return null
  return { type: message.event, flowId, nodeId, sessionId }
}
