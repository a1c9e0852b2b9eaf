// The chat event stream (docs/api.md §5.4, §5.5): the `data` of every event a
// chat turn sends, the activity stream, slash commands and images. Shared by
// the backend and the renderer; types only.
import type { PermissionRequest, PermissionSettled } from './api'

export interface ChatSystemData {
  message: string
  session_id?: string
}

export interface ChatTextData {
  text: string
}

export interface ChatToolUseData {
  tool: string
  /** The tool's input as compact JSON text. */
  input: string
  /** The tool_use block id; its `tool_result` carries the same as `tool_use_id`. Extension. */
  id: string
}

export interface ChatToolResultData {
  content: string
  /** Id of the `tool_use` this answers. Extension. */
  tool_use_id: string
  /** The tool failed (or was denied); `content` says why. Extension. */
  is_error: boolean
}

/** One complete thinking block. Redacted thinking: `text` is "" and `redacted` is true. Extension. */
export interface ChatThinkingData {
  text: string
  redacted?: true
}

export type ChatStatusState = 'starting' | 'waiting' | 'retrying'

/**
 * What the process is doing before it answers (extension; never stored):
 * `starting` a claude process is being started for the turn, `waiting` the
 * prompt is sent and nothing has come back yet, `retrying` the CLI retries a
 * failed API request.
 */
export interface ChatStatusData {
  state: ChatStatusState
  /** `retrying`: which retry this is (1 = the first). */
  attempt?: number
  /** `retrying`: how many the CLI makes at most. */
  max_retries?: number
  /** `retrying`: how long the CLI waits before this retry. */
  delay_ms?: number
  /** `retrying`: why, e.g. `HTTP 500: server_error`. */
  cause?: string
}

export interface ChatResultData {
  /** The final answer; "" when the turn ended in an API error (the `error` event says why). */
  text: string
  cost: number
  turns: number
  is_error: boolean
  stopped: boolean
  /** Wall time of the turn as the CLI measured it (0 when unknown). Extension. */
  duration_ms: number
  /** Input tokens of the turn, cache reads and writes included. Extension. */
  input_tokens: number
  output_tokens: number
  /** The part of `input_tokens` read from the prompt cache. Extension. */
  cache_read_input_tokens: number
  /** The part of `input_tokens` written to the prompt cache. Extension. */
  cache_creation_input_tokens: number
}

export interface ChatErrorData {
  message: string
}

export interface ChatDoneData {
  exit_code: number
}

/** Every event of a chat turn's stream, by name. `stderr` carries the raw line, not JSON. */
export type ChatStreamEvent =
  | { event: 'system'; data: ChatSystemData }
  | { event: 'text'; data: ChatTextData }
  | { event: 'text_delta'; data: ChatTextData }
  | { event: 'thinking'; data: ChatThinkingData }
  | { event: 'tool_use'; data: ChatToolUseData }
  | { event: 'tool_result'; data: ChatToolResultData }
  | { event: 'status'; data: ChatStatusData }
  | { event: 'result'; data: ChatResultData }
  | { event: 'stderr'; data: string }
  | { event: 'error'; data: ChatErrorData }
  | { event: 'done'; data: ChatDoneData }
  | { event: 'permission_request'; data: PermissionRequest }
  | { event: 'permission_settled'; data: PermissionSettled }

// ---- GET /api/chat/activity ----

export type ChatTurnOutcome = 'done' | 'error' | 'stopped'

/** A chat turn began (sent again on connect for every turn still running). */
export interface ChatTurnStarted {
  flow_id: string
  /** null for the lead agent. */
  node_id: string | null
  session_id: string
}

export interface ChatTurnEnded extends ChatTurnStarted {
  outcome: ChatTurnOutcome
}

export type ChatActivityEvent = { event: 'turn_started'; data: ChatTurnStarted } | { event: 'turn_ended'; data: ChatTurnEnded }

// ---- slash commands and images ----

/** GET …/slash-commands */
export interface SlashCommandsResponse {
  /** Names without the leading slash, as the CLI listed them. */
  commands: string[]
  /** false until a claude process of this chat has started once in its working directory. */
  known: boolean
}

export type ChatImageMediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

/** An image sent with a message (interact body `images`). */
export interface ChatImage {
  media_type: ChatImageMediaType
  /** Base64, at most 5 MB decoded. */
  data: string
}

/** What a transcript's `user` entry keeps of each image: not the data. */
export interface ChatImageNote {
  media_type: ChatImageMediaType
  /** Decoded size. */
  bytes: number
}

/** Data of a transcript's `user` entry. */
export interface ChatUserData {
  text: string
  /** Present when the message carried images. */
  images?: ChatImageNote[]
}
