// Markdown to Notion blocks: headings, paragraphs, bulleted/numbered/to-do list
// items (one level of nesting, as Notion takes in one request), code, quotes
// and dividers.
import { asMarked, lexMarkdown, literal, plainText, type MarkedToken, type Tokens } from './markdown'
import { notionLanguage } from './notion-languages'
import { joinLines, plainRichText, richText, type RichText } from './notion-rich-text'

/** A block as Notion's API takes it: `{object, type, [type]: body}`. */
export interface NotionBlock {
  object: 'block'
  type: string
  [body: string]: unknown
}

/** Notion takes at most 100 rich-text segments in one block and 100 children in one array. */
export const RICH_TEXT_PER_BLOCK = 100
export const CHILDREN_MAX = 100

function block(type: string, body: Record<string, unknown>): NotionBlock {
  return { object: 'block', type, [type]: body }
}

function groups<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size))
  return out.length > 0 ? out : [[]]
}

/** A text block; overlong rich text continues in more blocks of the same type. */
function textBlocks(type: string, text: RichText[], extra: Record<string, unknown> = {}, children: NotionBlock[] = []): NotionBlock[] {
  return groups(text, RICH_TEXT_PER_BLOCK).map((part, index) => block(type, { rich_text: part, ...extra, ...(index === 0 && children.length > 0 ? { children } : {}) }))
}

function headingType(depth: number): string {
  return `heading_${Math.min(Math.max(depth, 1), 3)}`
}

function itemType(list: Tokens.List, item: Tokens.ListItem): string {
  if (item.task) return 'to_do'
  return list.ordered ? 'numbered_list_item' : 'bulleted_list_item'
}

/** List items; `nested` items cannot hold children of their own, so theirs follow them. */
function listBlocks(list: Tokens.List, nested: boolean): NotionBlock[] {
  return list.items.flatMap((item) => {
    const lines: RichText[][] = []
    const below: NotionBlock[] = []
    for (const child of asMarked(item.tokens)) {
      if (child.type === 'text' || child.type === 'paragraph') lines.push(richText(child.tokens ?? [child]))
      else if (child.type === 'list') below.push(...listBlocks(child, true))
      else if (child.type !== 'checkbox') below.push(...tokenBlocks(child))
    }
    const extra = item.task ? { checked: item.checked === true } : {}
    const type = itemType(list, item)
    if (nested) return [...textBlocks(type, joinLines(lines), extra), ...below]
    return [...textBlocks(type, joinLines(lines), extra, below.slice(0, CHILDREN_MAX)), ...below.slice(CHILDREN_MAX)]
  })
}

function quoteText(tokens: MarkedToken[]): RichText[] {
  return joinLines(tokens.filter((token) => token.type !== 'space').map((token) => (token.type === 'paragraph' || token.type === 'text' ? richText(token.tokens ?? [token]) : plainRichText(token.raw.trim()))))
}

function tableBlocks(table: Tokens.Table): NotionBlock[] {
  const header = table.header.map((cell) => plainText(cell.tokens)).join(' | ')
  const rows = table.rows.map((row) => row.map((cell) => richText(cell.tokens)))
  return [
    ...textBlocks('paragraph', plainRichText(header).map((part) => ({ ...part, annotations: { bold: true } }))),
    ...rows.map((cells) => textBlocks('paragraph', cells.flatMap((cell, index) => (index === 0 ? cell : [...plainRichText(' | '), ...cell])))).flat(),
  ]
}

function tokenBlocks(token: MarkedToken): NotionBlock[] {
  switch (token.type) {
    case 'heading':
      return textBlocks(headingType(token.depth), richText(token.tokens))
    case 'paragraph':
    case 'text':
      return token.raw.trim() ? textBlocks('paragraph', richText(token.tokens ?? [token])) : []
    case 'list':
      return listBlocks(token, false)
    case 'code':
      return textBlocks('code', plainRichText(token.text), { language: notionLanguage(token.lang) })
    case 'blockquote':
      return textBlocks('quote', quoteText(asMarked(token.tokens)))
    case 'hr':
      return [block('divider', {})]
    case 'table':
      return tableBlocks(token)
    case 'html': {
      const text = literal(token).trim()
      return text ? textBlocks('paragraph', plainRichText(text)) : []
    }
    default:
      return []
  }
}

export function markdownToNotionBlocks(markdown: string): NotionBlock[] {
  return lexMarkdown(markdown).flatMap(tokenBlocks)
}
