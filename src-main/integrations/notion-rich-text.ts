// Inline markdown to Notion rich text: bold/italic/strikethrough/code become
// annotations, links a `link`, and no segment exceeds Notion's 2000 characters.
import { asMarked, literal, type Tokens } from './markdown'
import { splitText } from './text-split'

export const SEGMENT_MAX = 2000

export interface Annotations {
  bold?: true
  italic?: true
  strikethrough?: true
  code?: true
}

export interface RichText {
  type: 'text'
  text: { content: string; link?: { url: string } }
  annotations?: Annotations
}

interface Run {
  text: string
  style: Annotations
  link: string | null
}

/** Notion refuses links that are not absolute web URLs; such links stay plain text. */
function webUrl(href: string): string | null {
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' ? href.trim() : null
  } catch {
    return null
  }
}

function runsOf(tokens: Tokens.Generic['tokens'], style: Annotations, link: string | null): Run[] {
  return asMarked(tokens).flatMap((token): Run[] => {
    switch (token.type) {
      case 'text':
        return token.tokens ? runsOf(token.tokens, style, link) : [{ text: literal(token), style, link }]
      case 'escape':
      case 'html':
        return [{ text: literal(token), style, link }]
      case 'strong':
        return runsOf(token.tokens, { ...style, bold: true }, link)
      case 'em':
        return runsOf(token.tokens, { ...style, italic: true }, link)
      case 'del':
        return runsOf(token.tokens, { ...style, strikethrough: true }, link)
      case 'codespan':
        return [{ text: token.text, style: { ...style, code: true }, link }]
      case 'br':
        return [{ text: '\n', style, link }]
      case 'link':
        return runsOf(token.tokens, style, webUrl(token.href) ?? link)
      case 'image':
        return [{ text: token.text || token.href, style, link: webUrl(token.href) ?? link }]
      default:
        return []
    }
  })
}

const sameLook = (a: Run, b: Run) => a.link === b.link && JSON.stringify(a.style) === JSON.stringify(b.style)

/** Neighbouring runs that look alike become one, which keeps the segment count low. */
function merged(runs: Run[]): Run[] {
  const out: Run[] = []
  for (const run of runs) {
    const last = out.at(-1)
    if (last && sameLook(last, run)) last.text += run.text
    else if (run.text !== '') out.push({ ...run })
  }
  return out
}

function segments(run: Run): RichText[] {
  const styled = Object.keys(run.style).length > 0
  return splitText(run.text, SEGMENT_MAX).map((content) => ({
    type: 'text',
    text: run.link ? { content, link: { url: run.link } } : { content },
    ...(styled ? { annotations: { ...run.style } } : {}),
  }))
}

export function richText(tokens: Tokens.Generic['tokens'], style: Annotations = {}): RichText[] {
  return merged(runsOf(tokens, style, null)).flatMap(segments)
}

/** Unformatted text (code, table cells from raw text) as segments. */
export function plainRichText(text: string): RichText[] {
  return text === '' ? [] : segments({ text, style: {}, link: null })
}

/** Rich text of several pieces shown on separate lines of one block. */
export function joinLines(parts: RichText[][]): RichText[] {
  return parts.filter((part) => part.length > 0).flatMap((part, index) => (index === 0 ? part : [...plainRichText('\n'), ...part]))
}
