import type { ChatEvent, TurnUsage } from '../api/chat-events'
import type { PermissionRequest, PermissionSettled } from '../../../src-main/contract/api'

/** One line of a chat as the user sees it. `id` is a React key, unique within the app. */
export type ChatEntry =
  | { kind: 'user'; id: number; text: string; /** Images sent with the message, when any. */ images?: number }
  | { kind: 'assistant'; id: number; text: string; live: boolean }
  | ToolEntry
  /** A result no call in this transcript claims (e.g. its call is on an older page). */
  | { kind: 'tool-result'; id: number; content: string; isError: boolean }
  | { kind: 'thinking'; id: number; text: string; redacted: boolean }
  | { kind: 'result'; id: number; cost: number; turns: number; isError: boolean; usage: TurnUsage | null }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'stderr'; id: number; line: string }
  | { kind: 'note'; id: number; text: string }
  | { kind: 'approval'; id: number; request: PermissionRequest; settled: PermissionSettled | null }

/** A tool call and, once it came back, its result: one card. */
export interface ToolEntry {
  kind: 'tool'
  id: number
  tool: string
  /** The call's input as JSON text. */
  input: string
  toolUseId: string | null
  result: ToolOutcome | null
  /** The CLI asked for permission to run it and no answer has come yet. */
  asking?: boolean
}

export interface ToolOutcome {
  content: string
  isError: boolean
}

export interface Transcript {
  entries: ChatEntry[]
  /** Index of the assistant entry still being built from deltas, if any. */
  liveIndex: number | null
  /** Messages sent from this app session. */
  sent: number
  /** How much of the stored history is in `entries`. */
  history: HistoryState
}

export interface HistoryState {
  /** The newest page has been merged (or there is none: a session made here). */
  loaded: boolean
  loading: boolean
  /** Cursor of the next older page; null when the start is shown. */
  earlier: string | null
}

export const EMPTY_TRANSCRIPT: Transcript = { entries: [], liveIndex: null, sent: 0, history: { loaded: false, loading: false, earlier: null } }

export function addUserMessage(transcript: Transcript, text: string, id: number, images = 0): Transcript {
  return {
    ...transcript,
    entries: [...transcript.entries, { kind: 'user', id, text, images }],
    liveIndex: null,
    sent: transcript.sent + 1,
  }
}

/** Takes back a message the server refused, so it is not shown as sent. */
export function withdrawUserMessage(transcript: Transcript, id: number): Transcript {
  const entries = transcript.entries.filter((entry) => entry.id !== id)
  if (entries.length === transcript.entries.length) return transcript
  return { ...transcript, entries, liveIndex: null, sent: transcript.sent - 1 }
}

/** A line from the app itself (e.g. "Stopped"); ends any half-built answer. */
export function addNote(transcript: Transcript, text: string, id: number): Transcript {
  return append(closeLive(transcript), { kind: 'note', id, text })
}

export function addError(transcript: Transcript, message: string, id: number): Transcript {
  return append(closeLive(transcript), { kind: 'error', id, message })
}

/**
 * Folds one stream event into the transcript. Deltas grow the live assistant
 * entry; the whole `text` block that follows them replaces it (the server's
 * final word), so a missed delta never leaves the answer wrong.
 */
export function applyChatEvent(transcript: Transcript, event: ChatEvent, nextId: () => number): Transcript {
  const live = liveEntry(transcript)
  switch (event.type) {
    case 'text_delta':
      if (live === null) {
        const started = append(transcript, { kind: 'assistant', id: nextId(), text: event.text, live: true })
        return { ...started, liveIndex: transcript.entries.length }
      }
      return replaceLive(transcript, live, { ...live.entry, text: live.entry.text + event.text })
    case 'text':
      if (live === null) return append(transcript, { kind: 'assistant', id: nextId(), text: event.text, live: false })
      return { ...replaceLive(transcript, live, { ...live.entry, text: event.text, live: false }), liveIndex: null }
    case 'tool_use':
      return append(closeLive(transcript), { kind: 'tool', id: nextId(), tool: event.tool, input: event.input, toolUseId: event.id, result: null })
    case 'tool_result':
      return attachToolResult(closeLive(transcript), { content: event.content, isError: event.isError }, event.toolUseId, nextId)
    case 'thinking':
      return append(closeLive(transcript), { kind: 'thinking', id: nextId(), text: event.text, redacted: event.redacted })
    case 'result':
      return append(closeLive(transcript), { kind: 'result', id: nextId(), cost: event.cost, turns: event.turns, isError: event.isError, usage: event.usage })
    case 'error':
      return append(closeLive(transcript), { kind: 'error', id: nextId(), message: event.message })
    case 'stderr':
      // A log line in the middle of an answer must not cut it in two.
      return append(transcript, { kind: 'stderr', id: nextId(), line: event.line })
    case 'done':
      return closeLive(transcript)
    case 'system':
    case 'status':
      // Shown as the turn's status, not as a line of the chat.
      return transcript
    case 'permission_request':
      // A replayed question (a re-attach) already has its card.
      if (transcript.entries.some((entry) => entry.kind === 'approval' && entry.request.id === event.request.id)) return transcript
      return append(markAsking(closeLive(transcript), event.request.tool_name, true), { kind: 'approval', id: nextId(), request: event.request, settled: null })
    case 'permission_settled':
      return markAsking(settleApproval(transcript, event.settled), event.settled.tool_name, false)
  }
}

/** Marks a half-built answer as no longer growing (the turn ended without its `text`). */
export function closeLive(transcript: Transcript): Transcript {
  const live = liveEntry(transcript)
  if (live === null) return transcript.liveIndex === null ? transcript : { ...transcript, liveIndex: null }
  return { ...replaceLive(transcript, live, { ...live.entry, live: false }), liveIndex: null }
}

/**
 * Puts a result on the card of its call: the one with its id, or (from a server
 * that sends no ids) the earliest call of this message still waiting, since the
 * CLI answers calls in the order it made them.
 */
function attachToolResult(transcript: Transcript, outcome: ToolOutcome, toolUseId: string | null, nextId: () => number): Transcript {
  const { entries } = transcript
  let index = -1
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!
    if (entry.kind === 'user') break
    if (entry.kind !== 'tool' || entry.result !== null) continue
    if (toolUseId !== null && entry.toolUseId !== null) {
      if (entry.toolUseId === toolUseId) {
        index = i
        break
      }
    } else index = i
  }
  const call = entries[index]
  if (call?.kind !== 'tool') return append(transcript, { kind: 'tool-result', id: nextId(), ...outcome })
  const changed = [...entries]
  changed[index] = { ...call, result: outcome }
  return { ...transcript, entries: changed }
}

/** The newest call of `tool` still without a result now waits for (or no longer waits for) an answer. */
function markAsking(transcript: Transcript, tool: string, asking: boolean): Transcript {
  const { entries } = transcript
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!
    if (entry.kind === 'user') break
    if (entry.kind !== 'tool' || entry.tool !== tool || entry.result !== null || (entry.asking ?? false) === asking) continue
    const changed = [...entries]
    changed[i] = { ...entry, asking }
    return { ...transcript, entries: changed }
  }
  return transcript
}

/** Puts the outcome on the question's card (nothing when the card is not in this transcript). */
function settleApproval(transcript: Transcript, settled: PermissionSettled): Transcript {
  const index = transcript.entries.findIndex((entry) => entry.kind === 'approval' && entry.request.id === settled.id)
  const entry = transcript.entries[index]
  if (entry?.kind !== 'approval') return transcript
  const entries = [...transcript.entries]
  entries[index] = { ...entry, settled }
  return { ...transcript, entries }
}

type AssistantEntry = Extract<ChatEntry, { kind: 'assistant' }>

interface LiveEntry {
  index: number
  entry: AssistantEntry
}

function liveEntry({ entries, liveIndex }: Transcript): LiveEntry | null {
  if (liveIndex === null) return null
  const entry = entries[liveIndex]
  return entry?.kind === 'assistant' ? { index: liveIndex, entry } : null
}

function append(transcript: Transcript, entry: ChatEntry): Transcript {
  return { ...transcript, entries: [...transcript.entries, entry] }
}

function replaceLive(transcript: Transcript, live: LiveEntry, entry: AssistantEntry): Transcript {
  const entries = [...transcript.entries]
  entries[live.index] = entry
  return { ...transcript, entries }
}
