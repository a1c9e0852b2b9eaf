import type { StreamMessage } from '../../../src-main/contract/bridge'
import type { PermissionRequest, PermissionSettled } from '../../../src-main/contract/api'
import { decodePermissionEvent } from './permissions'

/** One event of an executor chat stream, decoded from its SSE frame. */
export type ChatEvent =
  | { type: 'system'; message: string }
  | { type: 'text_delta'; text: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; tool: string; input: string; id: string | null }
  | { type: 'tool_result'; content: string; toolUseId: string | null; isError: boolean }
  | { type: 'thinking'; text: string; redacted: boolean }
  | { type: 'status'; status: TurnProgress }
  | { type: 'result'; text: string; cost: number; turns: number; isError: boolean; usage: TurnUsage | null }
  | { type: 'stderr'; line: string }
  | { type: 'error'; message: string }
  | { type: 'done'; exitCode: number }
  | { type: 'permission_request'; request: PermissionRequest }
  | { type: 'permission_settled'; settled: PermissionSettled }

/** What the turn's process is doing between visible output (the `status` extension). */
export type TurnProgress =
  | { state: 'starting' }
  | { state: 'waiting' }
  | { state: 'retrying'; attempt: number | null; maxRetries: number | null; delayMs: number | null; cause: string }

/** Tokens and time of a finished turn, when the server reports them. */
export interface TurnUsage {
  durationMs: number | null
  inputTokens: number | null
  outputTokens: number | null
}

type Fields = Record<string, unknown>

/** Turns a raw SSE frame into a chat event; null for frames we do not know or cannot read. */
export function decodeChatEvent(message: StreamMessage): ChatEvent | null {
  // stderr carries a raw text line, not JSON.
  if (message.event === 'stderr') return { type: 'stderr', line: message.data }
  const fields = parseObject(message.data)
  if (fields === null) {
    // An error we cannot parse is still an error the user should see.
    return message.event === 'error' ? { type: 'error', message: message.data } : null
  }
  switch (message.event) {
    case 'system':
      return { type: 'system', message: text(fields['message']) }
    case 'text_delta':
      return { type: 'text_delta', text: text(fields['text']) }
    case 'text':
      return { type: 'text', text: text(fields['text']) }
    case 'tool_use':
      return { type: 'tool_use', tool: text(fields['tool']) || '?', input: text(fields['input']), id: optionalText(fields['id']) }
    case 'tool_result':
      return { type: 'tool_result', content: text(fields['content']), toolUseId: optionalText(fields['tool_use_id']), isError: fields['is_error'] === true }
    case 'thinking':
      return { type: 'thinking', text: text(fields['text']), redacted: fields['redacted'] === true }
    case 'status':
      return decodeStatus(fields)
    case 'result':
      return {
        type: 'result',
        text: text(fields['text']),
        cost: number(fields['cost']),
        turns: number(fields['turns']),
        isError: fields['is_error'] === true,
        usage: decodeUsage(fields),
      }
    case 'error':
      return { type: 'error', message: text(fields['message']) || 'Unknown error' }
    case 'done':
      return { type: 'done', exitCode: number(fields['exit_code']) }
    case 'permission_request':
    case 'permission_settled':
      return decodePermissionEvent(message.event, fields)
    default:
      return null
  }
}

function decodeStatus(fields: Fields): ChatEvent | null {
  switch (fields['state']) {
    case 'starting':
    case 'waiting':
      return { type: 'status', status: { state: fields['state'] } }
    case 'retrying':
      return {
        type: 'status',
        status: {
          state: 'retrying',
          attempt: optionalNumber(fields['attempt']),
          maxRetries: optionalNumber(fields['max_retries']),
          delayMs: optionalNumber(fields['delay_ms']),
          cause: text(fields['cause']),
        },
      }
    default:
      return null
  }
}

function decodeUsage(fields: Fields): TurnUsage | null {
  const usage = {
    durationMs: optionalNumber(fields['duration_ms']),
    inputTokens: optionalNumber(fields['input_tokens']),
    outputTokens: optionalNumber(fields['output_tokens']),
  }
  return usage.durationMs === null && usage.inputTokens === null && usage.outputTokens === null ? null : usage
}

function parseObject(data: string): Fields | null {
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null
  } catch {
    return null
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const optionalText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const optionalNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
