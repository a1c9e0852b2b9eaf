// The markdown tokenizer shared by the Slack and Notion sinks (marked's lexer),
// and the plain text of inline tokens. What a token becomes is up to each sink.
import { decodeHTML } from 'entities'
import { lexer, type MarkedToken, type Token, type Tokens } from 'marked'

export type { MarkedToken, Tokens }

/** Block tokens of a markdown document (GitHub flavour: tables, task lists, strikethrough). */
export function lexMarkdown(markdown: string): MarkedToken[] {
  return asMarked(lexer(markdown, { gfm: true }))
}

/** marked adds a catch-all token type for extensions; none are registered, so every token is a MarkedToken. */
export function asMarked(tokens: readonly Token[] | undefined): MarkedToken[] {
  return (tokens ?? []) as MarkedToken[]
}

/** Literal text of a text or escape token: the lexer leaves character references (`&amp;`) encoded. */
export function literal(token: { text: string }): string {
  return decodeHTML(token.text)
}

/** Inline tokens as plain text: markup dropped, link texts kept. */
export function plainText(tokens: readonly Token[] | undefined): string {
  return asMarked(tokens)
    .map((token): string => {
      switch (token.type) {
        case 'text':
          return token.tokens ? plainText(token.tokens) : literal(token)
        case 'escape':
        case 'html':
          return literal(token)
        case 'codespan':
          return token.text
        case 'br':
          return '\n'
        case 'checkbox':
          return token.checked ? '[x] ' : '[ ] '
        case 'strong':
        case 'em':
        case 'del':
        case 'link':
          return plainText(token.tokens)
        case 'image':
          return token.text
        default:
          return 'text' in token && typeof token.text === 'string' ? token.text : ''
      }
    })
    .join('')
}
