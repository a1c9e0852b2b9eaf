// The executor's prompt (contract §9.2): a template from a file or inline text,
// `{{name}}` variables filled in, fetched items formatted as a numbered list.
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Item } from '../integrations/types'

/** Cuts to at most `maxBytes` of UTF-8 without splitting a character (§13.2). */
export function cutBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  let bytes = 0
  let end = 0
  for (const char of text) {
    const size = Buffer.byteLength(char)
    if (bytes + size > maxBytes) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end)
}

/** `text` cut to 500 bytes with "..." when longer — the preview and summary rule. */
export function preview(text: string, maxBytes = 500): string {
  const cut = cutBytes(text, maxBytes)
  return cut.length < text.length ? `${cut}...` : text
}

/** `YYYY-MM-DD HH:MM UTC` */
export function minuteStamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function formatItems(items: readonly Item[]): string {
  if (items.length === 0) return 'No items fetched.'
  return items
    .map((item, index) => {
      let entry = `${index + 1}. [${item.title}](${item.url})\n   Published: ${item.published ? minuteStamp(item.published) : 'unknown date'}`
      if (item.imageUrl) entry += `\n   Image: ${item.imageUrl}`
      return `${entry}\n   ${preview(item.summary)}\n`
    })
    .join('\n')
}

/** Replaces every `{{name}}` whose name is defined; unknown placeholders stay. */
export function fillTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => (Object.hasOwn(variables, name) ? variables[name]! : whole))
}

/** Renders a template with the run's items and variables (content appended when the template has no slot for it). */
export function renderPrompt(template: string, items: readonly Item[], variables: Record<string, string>): string {
  const content = formatItems(items)
  const filled = fillTemplate(template, { content, item_count: String(items.length), ...variables })
  return items.length > 0 && !template.includes('{{content}}') ? `${filled}\n\n<<<\n${content}\n>>>` : filled
}

/** True when an executor's `prompt` names a template file (path ends .md/.txt or exists) rather than being the text. */
export function namesFile(prompt: string, serverCwd: string): boolean {
  return prompt.endsWith('.md') || prompt.endsWith('.txt') || existsSync(resolve(serverCwd, prompt))
}

const unreadable = (prompt: string, error: unknown) => `failed to read prompt file: ${prompt}: ${(error as Error).message}`

/** The template named by an executor's `prompt`: a file (see namesFile), else the text itself. */
export async function loadTemplate(prompt: string, serverCwd: string): Promise<string> {
  if (!namesFile(prompt, serverCwd)) return prompt
  try {
    return await readFile(resolve(serverCwd, prompt), 'utf8')
  } catch (error) {
    throw new Error(unreadable(prompt, error))
  }
}

/** The error loadTemplate would raise, found without waiting (for checks before a run); null when readable. */
export function templateError(prompt: string, serverCwd: string): string | null {
  if (!namesFile(prompt, serverCwd)) return null
  try {
    readFileSync(resolve(serverCwd, prompt))
    return null
  } catch (error) {
    return unreadable(prompt, error)
  }
}

export const usesMarketData = (template: string) => template.includes('{{market_data}}')
