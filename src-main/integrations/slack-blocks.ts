// Markdown to Slack Block Kit: headings become header blocks, rules dividers,
// everything else mrkdwn sections, all within Slack's size limits.
import { lexMarkdown, plainText } from './markdown'
import { blockMrkdwn, escapeMrkdwn } from './slack-mrkdwn'
import { splitText, truncate } from './text-split'

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'divider' }

export const HEADER_MAX = 150
export const SECTION_MAX = 3000
export const BLOCKS_PER_MESSAGE = 50
const FALLBACK_MAX = 3000
const FENCE = '```'

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}

function sections(text: string): SlackBlock[] {
  return splitText(text, SECTION_MAX)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map(section)
}

/** A long code block stays code: each piece gets its own fences. */
function codeSections(code: string): SlackBlock[] {
  return splitText(escapeMrkdwn(code), SECTION_MAX - 2 * (FENCE.length + 1)).map((piece) => section(`${FENCE}\n${piece.replace(/\n$/, '')}\n${FENCE}`))
}

export function markdownToBlocks(markdown: string): SlackBlock[] {
  return lexMarkdown(markdown).flatMap((token): SlackBlock[] => {
    switch (token.type) {
      case 'heading': {
        const text = plainText(token.tokens).replace(/\s+/g, ' ').trim()
        return text ? [{ type: 'header', text: { type: 'plain_text', text: truncate(text, HEADER_MAX), emoji: true } }] : []
      }
      case 'hr':
        return [{ type: 'divider' }]
      case 'code':
        return codeSections(token.text)
      default:
        return sections(blockMrkdwn(token))
    }
  })
}

/** Slack takes at most 50 blocks per message. */
export function chunkBlocks(blocks: SlackBlock[], size = BLOCKS_PER_MESSAGE): SlackBlock[][] {
  const chunks: SlackBlock[][] = []
  for (let start = 0; start < blocks.length; start += size) chunks.push(blocks.slice(start, start + size))
  return chunks
}

/** The message's `text`: what notifications and clients without blocks show. */
export function fallbackText(blocks: SlackBlock[]): string {
  const lines = blocks.flatMap((block) => (block.type === 'divider' ? [] : [block.type === 'header' ? escapeMrkdwn(block.text.text) : block.text.text]))
  return truncate(lines.join('\n'), FALLBACK_MAX)
}
