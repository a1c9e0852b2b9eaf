// Prompt search: every word typed must appear in the title, the body or a tag.
import type { SavedPrompt } from '../../../src-main/contract/api'

export function matchesPrompt(prompt: SavedPrompt, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = [prompt.title, prompt.summary, ...prompt.tags].join('\n').toLowerCase()
  return words.every((word) => haystack.includes(word))
}

export function searchPrompts(prompts: readonly SavedPrompt[], query: string): SavedPrompt[] {
  return prompts.filter((prompt) => matchesPrompt(prompt, query))
}

/** Tags as the user typed them: trimmed, no empties, no duplicates (case-insensitive). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    if (tag === '' || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    result.push(tag)
  }
  return result
}
