import { describe, expect, it } from 'vitest'
import { chunkBlocks, fallbackText, markdownToBlocks, type SlackBlock } from '../../src-main/integrations/slack-blocks'
import { markdownToMrkdwn } from '../../src-main/integrations/slack-mrkdwn'
import { splitThread } from '../../src-main/integrations/slack-thread'
import { webhookPayload } from '../../src-main/integrations/slack-webhook'

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })
const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } })

describe('markdown to Slack mrkdwn', () => {
  it('converts inline markup', () => {
    expect(markdownToMrkdwn('Hello **bold**, *it*, ~~gone~~ and [the docs](https://a.b/c?d=1&e=2).')).toBe('Hello *bold*, _it_, ~gone~ and <https://a.b/c?d=1&amp;e=2|the docs>.')
  })

  it('turns headings into bold lines and keeps code fences', () => {
    expect(markdownToMrkdwn('# Title\n\nText\n\n```js\nif (a < b) run()\n```')).toBe('*Title*\n\nText\n\n```\nif (a &lt; b) run()\n```')
  })

  it('escapes Slack control characters and decodes markdown entities', () => {
    expect(markdownToMrkdwn('a < b & c > d, AT&amp;T, `x<y`')).toBe('a &lt; b &amp; c &gt; d, AT&amp;T, `x&lt;y`')
  })

  it('renders lists with bullets, numbers and nesting, and quotes', () => {
    expect(markdownToMrkdwn('- one\n- two\n  - deep\n\n3. c\n4. d\n\n> said **it**')).toBe('• one\n• two\n    • deep\n\n3. c\n4. d\n\n> said *it*')
  })

  it('keeps loose list items and task boxes on one line each', () => {
    expect(markdownToMrkdwn('1. one\n\n   more\n\n2. two\n\n- [ ] open\n- [x] closed')).toBe('1. one more\n2. two\n\n• ☐ open\n• ☑ closed')
  })

  it('uses the bare URL form when link text and URL are the same', () => {
    expect(markdownToMrkdwn('see <https://example.com/x>')).toBe('see <https://example.com/x>')
  })
})

describe('markdown to Block Kit', () => {
  it('maps headings, paragraphs, lists, code and rules', () => {
    const blocks = markdownToBlocks('# Daily digest\n\nSome **news**.\n\n- a\n- b\n\n---\n\n```\ncode\n```\n\n## Next')
    expect(blocks).toEqual([header('Daily digest'), section('Some *news*.'), section('• a\n• b'), { type: 'divider' }, section('```\ncode\n```'), header('Next')])
  })

  it('keeps header text plain and within 150 characters', () => {
    const [block] = markdownToBlocks(`# ${'x'.repeat(200)} **bold**`)
    expect(block?.type).toBe('header')
    const text = block?.type === 'header' ? block.text.text : ''
    expect(text).toHaveLength(150)
    expect(text.endsWith('…')).toBe(true)
    expect(markdownToBlocks('# A **b** [c](https://d)')).toEqual([header('A b c')])
  })

  it('splits sections longer than 3000 characters at word ends', () => {
    const words = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(' ')
    const blocks = markdownToBlocks(words)
    expect(blocks.length).toBe(Math.ceil(words.length / 3000))
    for (const block of blocks) {
      expect(block.type).toBe('section')
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000)
    }
    expect(blocks.map((block) => (block.type === 'section' ? block.text.text : '')).join(' ')).toBe(words)
  })

  it('splits a long code block into fenced pieces', () => {
    const code = Array.from({ length: 400 }, (_, i) => `line ${i} ${'-'.repeat(10)}`).join('\n')
    const blocks = markdownToBlocks(`\`\`\`\n${code}\n\`\`\``)
    expect(blocks.length).toBeGreaterThan(1)
    const texts = blocks.map((block) => (block.type === 'section' ? block.text.text : ''))
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(3000)
      expect(text.startsWith('```\n') && text.endsWith('\n```')).toBe(true)
    }
    expect(texts.map((text) => text.slice(4, -4)).join('\n')).toBe(code)
  })

  it('drops empty output and produces nothing for empty markdown', () => {
    expect(markdownToBlocks('')).toEqual([])
    expect(markdownToBlocks('\n\n   \n')).toEqual([])
  })

  it('chunks into messages of at most 50 blocks', () => {
    const blocks = markdownToBlocks(Array.from({ length: 120 }, (_, i) => `Paragraph ${i}`).join('\n\n'))
    expect(blocks).toHaveLength(120)
    expect(chunkBlocks(blocks).map((chunk) => chunk.length)).toEqual([50, 50, 20])
    expect(chunkBlocks([])).toEqual([])
  })

  it('builds a fallback text from the blocks', () => {
    expect(fallbackText([header('T & U'), section('*a*'), { type: 'divider' }, section('b')])).toBe('T &amp; U\n*a*\nb')
    expect(fallbackText([section('y'.repeat(5000))])).toHaveLength(3000)
  })
})

describe('thread split', () => {
  it('splits at the first marker line only', () => {
    expect(splitThread('Main\ntext\n---THREAD---\nReply one\n---THREAD---\nmore')).toEqual({ main: 'Main\ntext', reply: 'Reply one\n---THREAD---\nmore' })
  })

  it('needs the marker on a line of its own', () => {
    expect(splitThread('inline ---THREAD--- marker')).toEqual({ main: 'inline ---THREAD--- marker', reply: null })
    expect(splitThread('Main\r\n  ---THREAD---  \r\nReply')).toEqual({ main: 'Main', reply: 'Reply' })
  })

  it('has no reply when nothing follows the marker', () => {
    expect(splitThread('Main\n---THREAD---\n\n')).toEqual({ main: 'Main', reply: null })
    expect(splitThread('No marker')).toEqual({ main: 'No marker', reply: null })
  })

  it('webhook messages carry both parts without the marker', () => {
    expect(webhookPayload('# Hi\n---THREAD---\nmore **x**')).toEqual({ text: '*Hi*\n\nmore *x*' })
  })
})
