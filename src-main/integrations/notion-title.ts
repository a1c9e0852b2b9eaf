// The page title of a Notion delivery: the first heading, else the first line.
import { lexMarkdown, plainText } from './markdown'
import { truncate } from './text-split'

export const TITLE_MAX = 100
const UNTITLED = 'Untitled'

export function notionTitle(markdown: string): string {
  const heading = lexMarkdown(markdown).find((token) => token.type === 'heading')
  const fromHeading = heading?.type === 'heading' ? plainText(heading.tokens).replace(/\s+/g, ' ').trim() : ''
  const firstLine = markdown.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? ''
  return truncate(fromHeading || firstLine || UNTITLED, TITLE_MAX)
}
