// Short human words about a permission question, for run logs and deny messages.

const MAX = 200

/** `Bash touch x`, `Edit /path/file`, or the tool with its input as JSON, cut short. */
export function describeToolCall(toolName: string, input: Record<string, unknown>): string {
  const detail =
    typeof input.command === 'string' ? input.command : typeof input.file_path === 'string' ? input.file_path : typeof input.url === 'string' ? input.url : JSON.stringify(input)
  const text = `${toolName} ${detail}`.replace(/\s+/g, ' ').trim()
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text
}

/** "10 minutes", "1 minute", "45 seconds". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds >= 60 && seconds % 60 === 0) {
    const minutes = seconds / 60
    return `${minutes} minute${minutes === 1 ? '' : 's'}`
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`
}

export const DEFAULT_DENY_MESSAGE = 'Denied in Shoggoth'

export function timeoutDenyMessage(ms: number): string {
  return `No answer within ${duration(ms)}; denied automatically`
}
