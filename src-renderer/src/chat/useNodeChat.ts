import type { ChatTarget } from '../api/chat'
import { nodeChatKey, sessionChatKey } from './chat-keys'
import { EMPTY_CHAT, type NodeChat, type RunningTurn } from './chat-model'
import { useChat } from './ChatProvider'
import { EMPTY_TRANSCRIPT, type Transcript } from './transcript'

export interface NodeChatView {
  chat: NodeChat
  /** The session the picker shows, if there is one. */
  sessionId: string | null
  transcript: Transcript
  running: RunningTurn | null
}

/** Everything one executor node's chat panel shows, as stable store slices. */
export function useNodeChat(target: ChatTarget): NodeChatView {
  const chat = useChat((s) => s.chats[nodeChatKey(target)]) ?? EMPTY_CHAT
  const sessionId = chat.selected
  const key = sessionId === null ? null : sessionChatKey(target, sessionId)
  const transcript = useChat((s) => (key === null ? undefined : s.transcripts[key])) ?? EMPTY_TRANSCRIPT
  const running = useChat((s) => (key === null ? undefined : s.running[key])) ?? null
  return { chat, sessionId, transcript, running }
}
