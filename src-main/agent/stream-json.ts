// Maps one stdout line of `claude --output-format stream-json` to the events of
// an interact stream (contract §6.10, §15.4): text and tool_use from assistant
// lines, tool_result from user lines, live text_delta from partial messages.
// Pure, so the mapping is tested line by line.

import type { PermissionRequest, PermissionSettled } from '../contract/api'

export type TurnEvent =
  | { event: 'system'; data: { message: string; session_id?: string } }
  | { event: 'text'; data: { text: string } }
  | { event: 'text_delta'; data: { text: string } }
  | { event: 'tool_use'; data: { tool: string; input: string } }
  | { event: 'tool_result'; data: { content: string } }
  | { event: 'result'; data: { text: string; cost: number; turns: number; is_error: boolean; stopped: boolean } }
  | { event: 'stderr'; data: string }
  | { event: 'error'; data: { message: string } }
  | { event: 'done'; data: { exit_code: number } }
  | { event: 'permission_request'; data: PermissionRequest }
  | { event: 'permission_settled'; data: PermissionSettled }

export interface ResultLine {
  text: string
  /** total_cost_usd as reported: cumulative for a persistent process. */
  reportedCost: number
  turns: number
  isError: boolean
}

export interface MappedLine {
  events: TurnEvent[]
  result?: ResultLine
  /** A control_response (e.g. to an interrupt), by request id. */
  controlResponse?: string
  /** The CLI asks whether a tool may run (`can_use_tool`); it waits for the answer on stdin. */
  permissionRequest?: ToolPermissionAsk
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

/**
 * `scope` decides what a `system` line means: a flow-level stream announces the
 * session once per init line; a node-level stream never forwards them (it says
 * "Session started"/"Ready" itself).
 */
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
      return scope === 'flow' && parsed.subtype === 'init' ? { events: [{ event: 'system', data: { message: 'Session initialized' } }] } : { events: [] }
    case 'assistant': {
      const events: TurnEvent[] = []
      for (const block of contentBlocks(parsed)) {
        if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') events.push({ event: 'text', data: { text: block.text } })
        else if (block.type === 'tool_use') events.push({ event: 'tool_use', data: { tool: typeof block.name === 'string' ? block.name : '?', input: toolInput(block.input) } })
        else if (block.type === 'tool_result') events.push({ event: 'tool_result', data: { content: typeof block.content === 'string' ? block.content : '' } })
      }
      return { events }
    }
    case 'user': {
      const events: TurnEvent[] = contentBlocks(parsed)
        .filter((block) => block.type === 'tool_result')
        .map((block) => ({ event: 'tool_result', data: { content: blockText(block.content) } }))
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
      const result: ResultLine = {
        text: typeof parsed.result === 'string' ? parsed.result : '',
        reportedCost: num(parsed.total_cost_usd),
        turns: num(parsed.num_turns),
        isError: parsed.is_error === true,
      }
      return { events: [], result }
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

/** `is_error` and `stopped` go beyond the original's fields; its clients ignore them. */
export function resultEvent(result: ResultLine, cost: number, stopped = false): TurnEvent {
  return { event: 'result', data: { text: result.text, cost, turns: result.turns, is_error: result.isError, stopped } }
}
