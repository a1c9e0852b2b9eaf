// A chat as plain text, for summarising it into a reusable prompt (pure).
import type { ChatEntry } from './transcript'

/** `[user] …` and `[assistant] …` lines, tool calls named, noise (stderr, notes, costs) left out. */
export function transcriptText(entries: readonly ChatEntry[]): string {
  const lines: string[] = []
  for (const entry of entries) {
    if (entry.kind === 'user') lines.push(`[user] ${entry.text}`)
    else if (entry.kind === 'assistant' && entry.text.trim() !== '') lines.push(`[assistant] ${entry.text}`)
    else if (entry.kind === 'tool') lines.push(`[tool ${entry.tool}] ${entry.input}`)
  }
  return lines.join('\n\n')
}
