// Markdown to Slack's "mrkdwn": *bold*, _italic_, ~strike~, <url|text> links,
// headings as bold lines, code fences kept. Used for webhook messages and for
// the text of Block Kit sections.
import { asMarked, lexMarkdown, literal, plainText, type MarkedToken, type Tokens } from './markdown'

/** Slack reads &, < and > as control characters everywhere, code included. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function link(href: string, label: string): string {
  const url = escapeMrkdwn(href).replace(/\|/g, '%7C')
  return label && label !== href ? `<${url}|${label}>` : `<${url}>`
}

export function inlineMrkdwn(tokens: Tokens.Generic['tokens']): string {
  return asMarked(tokens)
    .map((token): string => {
      switch (token.type) {
        case 'text':
          return token.tokens ? inlineMrkdwn(token.tokens) : escapeMrkdwn(literal(token))
        case 'escape':
        case 'html':
          return escapeMrkdwn(literal(token))
        case 'strong':
          return `*${inlineMrkdwn(token.tokens)}*`
        case 'em':
          return `_${inlineMrkdwn(token.tokens)}_`
        case 'del':
          return `~${inlineMrkdwn(token.tokens)}~`
        case 'codespan':
          return `\`${escapeMrkdwn(token.text)}\``
        case 'br':
          return '\n'
        case 'link':
          return link(token.href, escapeMrkdwn(plainText(token.tokens)))
        case 'image':
          return link(token.href, escapeMrkdwn(token.text || token.href))
        case 'checkbox':
          return token.checked ? '☑ ' : '☐ '
        default:
          return ''
      }
    })
    .join('')
}

export function codeFence(code: string): string {
  return `\`\`\`\n${escapeMrkdwn(code)}\n\`\`\``
}

function listMrkdwn(list: Tokens.List, depth: number): string {
  const indent = '    '.repeat(depth)
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${(typeof list.start === 'number' ? list.start : 1) + index}.` : '•'
      const lines: string[] = []
      let checkbox = ''
      const texts: string[] = []
      for (const child of asMarked(item.tokens)) {
        if (child.type === 'checkbox') checkbox = inlineMrkdwn([child])
        else if (child.type === 'text' || child.type === 'paragraph') texts.push(inlineMrkdwn(child.tokens ?? [child]))
        else if (child.type === 'list') lines.push(listMrkdwn(child, depth + 1))
        else if (child.type !== 'space') lines.push(blockMrkdwn(child).replace(/^/gm, `${indent}    `))
      }
      // Paragraphs of a loose item stay on the item's line.
      return [`${indent}${marker} ${checkbox}${texts.join(' ')}`, ...lines].join('\n')
    })
    .join('\n')
}

function tableMrkdwn(table: Tokens.Table): string {
  const header = table.header.map((cell) => `*${inlineMrkdwn(cell.tokens)}*`).join(' | ')
  const rows = table.rows.map((row) => row.map((cell) => inlineMrkdwn(cell.tokens)).join(' | '))
  return [header, ...rows].join('\n')
}

/** One block token as mrkdwn; empty for tokens that print nothing. */
export function blockMrkdwn(token: MarkedToken): string {
  switch (token.type) {
    case 'heading':
      return `*${escapeMrkdwn(plainText(token.tokens))}*`
    case 'paragraph':
    case 'text':
      return inlineMrkdwn(token.tokens ?? [token])
    case 'list':
      return listMrkdwn(token, 0)
    case 'code':
      return codeFence(token.text)
    case 'blockquote':
      return blocksMrkdwn(asMarked(token.tokens)).replace(/^/gm, '> ')
    case 'table':
      return tableMrkdwn(token)
    case 'html':
      return escapeMrkdwn(literal(token).trim())
    case 'hr':
      return '───'
    default:
      return ''
  }
}

function blocksMrkdwn(tokens: MarkedToken[]): string {
  return tokens
    .map(blockMrkdwn)
    .filter((text) => text !== '')
    .join('\n\n')
}

export function markdownToMrkdwn(markdown: string): string {
  return blocksMrkdwn(lexMarkdown(markdown))
}
