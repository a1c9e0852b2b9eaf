import type { TurnUsage } from '../api/chat-events'
import { formatElapsed } from '../runs/run-format'

// A result whose call is not in view can be huge (a whole file); it shows a glimpse.
export const TOOL_RESULT_LIMIT = 500

/** Cuts text to `limit` characters, marking the cut. */
export function clip(text: string, limit: number): string {
  const chars = [...text]
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('')}…`
}


/** "$0.0012": enough places that a cheap turn does not read as free. */
export function formatCost(cost: number): string {
  return `$${cost.toFixed(4)}`
}

/** A finished turn in one line: "Cost $0.0012 · 2 turns · 3.4 s · 1,200 in / 80 out tokens". */
export function turnSummary(cost: number, turns: number, usage: TurnUsage | null): string {
  const parts = [`Cost: ${formatCost(cost)}`, `Turns: ${turns}`]
  if (usage?.durationMs != null) parts.push(formatElapsed(usage.durationMs))
  if (usage?.inputTokens != null || usage?.outputTokens != null) {
    parts.push(`${(usage.inputTokens ?? 0).toLocaleString('en-US')} in / ${(usage.outputTokens ?? 0).toLocaleString('en-US')} out tokens`)
  }
  return parts.join(' · ')
}
