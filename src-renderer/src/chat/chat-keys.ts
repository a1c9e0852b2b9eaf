import type { ChatTarget } from '../api/chat'

// Ids are UUID-like and never hold a newline, so it cannot make two keys collide.
const SEPARATOR = '\n'

/** Key of one executor node's chat, or the lead agent's (its session list). */
export function nodeChatKey({ flowId, nodeId }: ChatTarget): string {
  // Node ids are never empty (they are path segments), so '' stands for the lead agent.
  return `${flowId}${SEPARATOR}${nodeId ?? ''}`
}

/** Key of one session's transcript and running turn. */
export function sessionChatKey(target: ChatTarget, sessionId: string): string {
  return `${nodeChatKey(target)}${SEPARATOR}${sessionId}`
}
