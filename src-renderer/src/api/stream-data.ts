import type { StreamMessage } from '../../../src-main/contract/bridge'

/** A frame's JSON data when it is an object; null for anything a decoder should skip. */
export function objectData(message: StreamMessage): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(message.data)
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null
  } catch {
    return null
  }
}
