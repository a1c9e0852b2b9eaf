// Maps one stdout line of `claude --output-format stream-json` to the events of
// an interact stream (contract §6.10, §15.4, extended in docs/api.md §5.5):
// text, thinking and tool_use from assistant lines, tool_result from user
// lines, live text_delta from partial messages, retries from `api_retry`
// lines, and an API failure as an error, never as a reply. Pure, so the
// mapping is tested line by line.

import type { ChatStreamEvent, ChatStatusData } from '../contract/chat'

export type TurnEvent = ChatStreamEvent

export interface ResultLine {
  text: string
  /** total_cost_usd as reported: cumulative for a persistent process. */
  reportedCost: number
  turns: number
  isError: boolean
  /** The turn's own figures (the CLI reports them per turn, unlike the cost). */
  durationMs: number
  inputTokens: number
  outputTokens: number
  cacheReadTokens: number
  cacheCreationTokens: number
}

export interface MappedLine {
  events: TurnEvent[]
  result?: ResultLine
  /** A control_response (e.g. to an interrupt), by request id. */
  controlResponse?: string
  /** The CLI asks whether a tool may run (`can_use_tool`); it waits for the answer on stdin. */
  permissionRequest?: ToolPermissionAsk
  /** An `init` line: the CLI took the message and turns to the API. */
  init?: true
  /** The slash commands an `init` line lists (names without the slash). */
  slashCommands?: string[]
  /** The API failed for good: the CLI's own message about it (also sent as an `error` event). */
  apiError?: string
}

export interface ToolPermissionAsk {
  requestId: string
  toolName: string
  input: Record<string, unknown>
  suggestions: unknown[]
  description: string | null
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

function toolInput(input: unknown): string {
  if (input === undefined) return ''
  return typeof input === 'string' ? input : JSON.stringify(input)
}

function blockText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .filter((block): block is Json => isObject(block) && block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n')
}

function contentBlocks(line: Json): Json[] {
  const message = line.message
  if (!isObject(message) || !Array.isArray(message.content)) return []
  return message.content.filter(isObject)
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

function toolResultData(block: Json): { content: string; tool_use_id: string; is_error: boolean } {
  return { content: blockText(block.content), tool_use_id: str(block.tool_use_id), is_error: block.is_error === true }
}

/**
 * An assistant line the CLI made up to report an API request that failed for
 * good (after its retries): model `<synthetic>` and an `error` category such
 * as `server_error`. Local slash commands (`/cost`) answer with synthetic
 * lines too, but without `error`: those are replies.
 */
function apiErrorText(line: Json): string | null {
  const message = line.message
  if (typeof line.error !== 'string' || !isObject(message) || message.model !== '<synthetic>') return null
  const text = blockText(message.content).trim()
  return text === '' ? `API error (${line.error})` : `API error: ${text.replace(/^API Error:\s*/i, '')}`
}

function assistantLine(line: Json): MappedLine {
  const apiError = apiErrorText(line)
  if (apiError !== null) return { events: [{ event: 'error', data: { message: apiError } }], apiError }
  const events: TurnEvent[] = []
  for (const block of contentBlocks(line)) {
    if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') events.push({ event: 'text', data: { text: block.text } })
    else if (block.type === 'thinking' && typeof block.thinking === 'string' && block.thinking !== '') events.push({ event: 'thinking', data: { text: block.thinking } })
    else if (block.type === 'redacted_thinking') events.push({ event: 'thinking', data: { text: '', redacted: true } })
    else if (block.type === 'tool_use') events.push({ event: 'tool_use', data: { tool: typeof block.name === 'string' ? block.name : '?', input: toolInput(block.input), id: str(block.id) } })
    else if (block.type === 'tool_result') events.push({ event: 'tool_result', data: toolResultData(block) })
  }
  return { events }
}

/** `api_retry` (CLI 2.1.197): attempt, max_retries, retry_delay_ms, error_status (null: no HTTP answer), error (a category). */
export function retryStatus(line: Json): ChatStatusData {
  const status = typeof line.error_status === 'number' ? line.error_status : null
  const category = str(line.error) || 'unknown'
  return {
    state: 'retrying',
    attempt: num(line.attempt),
    max_retries: num(line.max_retries),
    delay_ms: Math.round(num(line.retry_delay_ms)),
    cause: status === null ? `connection error: ${category}` : `HTTP ${status}: ${category}`,
  }
}

/**
 * `scope` decides what an `init` line means: a flow-level stream announces
 * the session once per init line; a node-level stream never forwards them (it
 * says "Session started"/"Ready" itself). Either way its slash commands are read.
 */
function systemLine(line: Json, scope: 'flow' | 'node'): MappedLine {
  if (line.subtype === 'api_retry') return { events: [{ event: 'status', data: retryStatus(line) }] }
  if (line.subtype !== 'init') return { events: [] }
  const mapped: MappedLine = { events: scope === 'flow' ? [{ event: 'system', data: { message: 'Session initialized' } }] : [], init: true }
  if (Array.isArray(line.slash_commands)) mapped.slashCommands = line.slash_commands.filter((name): name is string => typeof name === 'string')
  return mapped
}

function resultLine(line: Json): ResultLine {
  const usage = isObject(line.usage) ? line.usage : {}
  const cacheRead = num(usage.cache_read_input_tokens)
  const cacheCreation = num(usage.cache_creation_input_tokens)
  return {
    text: str(line.result),
    reportedCost: num(line.total_cost_usd),
    turns: num(line.num_turns),
    isError: line.is_error === true,
    durationMs: num(line.duration_ms),
    inputTokens: num(usage.input_tokens) + cacheRead + cacheCreation,
    outputTokens: num(usage.output_tokens),
    cacheReadTokens: cacheRead,
    cacheCreationTokens: cacheCreation,
  }
}

/** One stdout line of the CLI; `scope` is the kind of chat (see systemLine). */
export function mapStdoutLine(line: string, scope: 'flow' | 'node'): MappedLine {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return { events: [{ event: 'text', data: { text: line } }] }
  }
  if (!isObject(parsed)) return { events: [{ event: 'text', data: { text: line } }] }

  switch (parsed.type) {
    case 'system':
      return systemLine(parsed, scope)
    case 'assistant':
      return assistantLine(parsed)
    case 'user': {
      const events: TurnEvent[] = contentBlocks(parsed)
        .filter((block) => block.type === 'tool_result')
        .map((block) => ({ event: 'tool_result', data: toolResultData(block) }))
      return { events }
    }
    case 'stream_event': {
      const event = parsed.event
      if (isObject(event) && event.type === 'content_block_delta' && isObject(event.delta) && event.delta.type === 'text_delta' && typeof event.delta.text === 'string') {
        return { events: [{ event: 'text_delta', data: { text: event.delta.text } }] }
      }
      return { events: [] }
    }
    case 'result': {
      return { events: [], result: resultLine(parsed) }
    }
    case 'control_request': {
      const request = parsed.request
      if (typeof parsed.request_id !== 'string' || !isObject(request) || request.subtype !== 'can_use_tool') return { events: [] }
      const permissionRequest: ToolPermissionAsk = {
        requestId: parsed.request_id,
        toolName: typeof request.tool_name === 'string' ? request.tool_name : '?',
        input: isObject(request.input) ? request.input : {},
        suggestions: Array.isArray(request.permission_suggestions) ? request.permission_suggestions : [],
        description: typeof request.description === 'string' ? request.description : null,
      }
      return { events: [], permissionRequest }
    }
    case 'control_response': {
      const response = parsed.response
      return { events: [], ...(isObject(response) && typeof response.request_id === 'string' ? { controlResponse: response.request_id } : {}) }
    }
    default:
      return { events: [] }
  }
}

/**
 * Per-turn cost from a persistent process's cumulative total: the difference
 * to the previous total, never negative; a lower total starts a new baseline.
 */
export function turnCost(previousTotal: number, reportedTotal: number): { cost: number; total: number } {
  if (reportedTotal < previousTotal) return { cost: 0, total: reportedTotal }
  return { cost: roundCost(reportedTotal - previousTotal), total: reportedTotal }
}

/** Dollars to 1e-10: enough for any price, and no float noise like 0.0007500000000000002. */
export function roundCost(dollars: number): number {
  return Math.round(dollars * 1e10) / 1e10
}

/**
 * Everything past text, cost and turns goes beyond the original's fields; its
 * clients ignore them. After an API failure the text (the CLI's error message)
 * is left out: it is an error, already sent as one, never a reply.
 */
export function resultEvent(result: ResultLine, cost: number, stopped = false, apiFailed = false): TurnEvent {
  return {
    event: 'result',
    data: {
      text: apiFailed ? '' : result.text,
      cost,
      turns: result.turns,
      is_error: result.isError || apiFailed,
      stopped,
      duration_ms: result.durationMs,
      input_tokens: result.inputTokens,
      output_tokens: result.outputTokens,
      cache_read_input_tokens: result.cacheReadTokens,
      cache_creation_input_tokens: result.cacheCreationTokens,
    },
  }
}
