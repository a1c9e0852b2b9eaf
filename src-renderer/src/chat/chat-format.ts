// Tool calls and results can be huge (whole files); the transcript shows a glimpse.
export const TOOL_INPUT_LIMIT = 300
export const TOOL_RESULT_LIMIT = 500

/** Cuts text to `limit` characters, marking the cut. */
export function clip(text: string, limit: number): string {
  const chars = [...text]
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('')}…`
}

/**
 * A tool call's input in one short line: the command for a shell tool, the
 * JSON otherwise (the server sends the input as JSON text).
 */
export function toolInputSummary(input: string): string {
  try {
    const value: unknown = JSON.parse(input)
    if (typeof value === 'object' && value !== null && 'command' in value && typeof value.command === 'string') {
      return value.command
    }
  } catch {
    // Not JSON: show it as it came.
  }
  return input
}

/** "$0.0012": enough places that a cheap turn does not read as free. */
export function formatCost(cost: number): string {
  return `$${cost.toFixed(4)}`
}
