import type { ChatTarget, SlashCommands } from '../api/chat'
import type { AttachedImage } from '../api/chat-message'
import type { SessionListItem } from '../../../src-main/contract/api'
import { ApiError } from '../api/client'
import type { FailedAction } from '../ui/failed-action'
import type { TurnStatus } from './chat-status'
import { EMPTY_TRANSCRIPT, type Transcript } from './transcript'

/** One executor node's chat: its sessions and which one the picker shows. */
export interface NodeChat {
  sessions: SessionListItem[]
  selected: string | null
  loaded: boolean
  loading: boolean
  /** Slash commands its claude offers; `known` false until a process of this chat has started. */
  slashCommands: SlashCommands
  /** A failed request, shown in red with Retry until dismissed or the next action. */
  failed: FailedAction | null
  /** A refused message, in red: it stays in the box, so Send is its retry. */
  error: string | null
  /** Something worth knowing that is not a failure (busy session, many sessions). */
  notice: string | null
}

export interface RunningTurn {
  status: TurnStatus
  stopping: boolean
}

export interface ChatState {
  /** By node (see nodeChatKey). */
  chats: Record<string, NodeChat>
  /** By session (see sessionChatKey); only what this app session has seen. */
  transcripts: Record<string, Transcript>
  /** By session: the turns streaming right now. */
  running: Record<string, RunningTurn>

  /** Fetches the session list; follows a turn already running in the shown session. */
  loadSessions(target: ChatTarget): Promise<void>
  selectSession(target: ChatTarget, sessionId: string): void
  newSession(target: ChatTarget): Promise<boolean>
  deleteSession(target: ChatTarget, sessionId: string): Promise<boolean>
  /** Resolves once the server accepted (true) or refused (false) the message; the answer streams on. */
  send(target: ChatTarget, prompt: string, images?: readonly AttachedImage[]): Promise<boolean>
  stop(target: ChatTarget): Promise<void>
  /** Fetches the page of history before what the shown session displays. */
  loadEarlier(target: ChatTarget): Promise<void>
  dismiss(target: ChatTarget): void
  /**
   * Follows turns started elsewhere (another window or tool) in the sessions
   * shown here, for as long as one caller holds it; returns the release.
   */
  watchActivity(): () => void
}

export const EMPTY_CHAT: NodeChat = {
  sessions: [],
  selected: null,
  loaded: false,
  loading: false,
  slashCommands: { commands: [], known: false },
  failed: null,
  error: null,
  notice: null,
}

/** The data part of the chat state, which the updaters below work on. */
export type ChatData = Pick<ChatState, 'chats' | 'transcripts' | 'running'>

// Pure updaters: each returns the slice of state to set, so every change stays immutable.

export function patchNodeChat(state: ChatData, key: string, patch: Partial<NodeChat>): Pick<ChatData, 'chats'> {
  return { chats: { ...state.chats, [key]: { ...(state.chats[key] ?? EMPTY_CHAT), ...patch } } }
}

export function editTranscript(
  state: ChatData,
  key: string,
  edit: (transcript: Transcript) => Transcript,
): Pick<ChatData, 'transcripts'> {
  return { transcripts: { ...state.transcripts, [key]: edit(state.transcripts[key] ?? EMPTY_TRANSCRIPT) } }
}

export function dropTranscript(state: ChatData, key: string): Pick<ChatData, 'transcripts'> {
  const transcripts = { ...state.transcripts }
  delete transcripts[key]
  return { transcripts }
}

export function setRunning(state: ChatData, key: string, turn: RunningTurn | null): Pick<ChatData, 'running'> {
  const running = { ...state.running }
  if (turn === null) delete running[key]
  else running[key] = turn
  return { running }
}

/** Changes a running turn; nothing when it has already ended. */
export function patchRunning(
  state: ChatData,
  key: string,
  patch: (turn: RunningTurn) => Partial<RunningTurn>,
): Partial<Pick<ChatData, 'running'>> {
  const turn = state.running[key]
  return turn ? { running: { ...state.running, [key]: { ...turn, ...patch(turn) } } } : {}
}

/** How a refused message is reported: a busy session is a notice, anything else an error. */
export function refusal(error: Error): Partial<NodeChat> {
  if (error instanceof ApiError && error.status === 409) {
    return { notice: `Not sent: ${error.message}. Wait for the earlier answer to finish, then try again.` }
  }
  return { error: `Could not send the message: ${error.message}. It is still in the box; Send tries again.` }
}
