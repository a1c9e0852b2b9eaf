import { describe, expect, it } from 'vitest'
import { markdownToNotionBlocks } from '../../src-main/integrations/notion-blocks'
import { notionLanguage } from '../../src-main/integrations/notion-languages'
import { notionTitle } from '../../src-main/integrations/notion-title'

const text = (content: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: { content }, ...extra })
const link = (content: string, url: string) => ({ type: 'text', text: { content, link: { url } } })
const block = (type: string, body: Record<string, unknown>) => ({ object: 'block', type, [type]: body })

describe('markdown to Notion blocks', () => {
  it('maps headings, paragraphs, lists, code, quotes and dividers', () => {
    const markdown = '# One\n\n## Two\n\n#### Four\n\nPlain text.\n\n- a\n- b\n\n1. first\n\n```python\nprint(1)\n```\n\n> quoted\n\n---'
    expect(markdownToNotionBlocks(markdown)).toEqual([
      block('heading_1', { rich_text: [text('One')] }),
      block('heading_2', { rich_text: [text('Two')] }),
      block('heading_3', { rich_text: [text('Four')] }),
      block('paragraph', { rich_text: [text('Plain text.')] }),
      block('bulleted_list_item', { rich_text: [text('a')] }),
      block('bulleted_list_item', { rich_text: [text('b')] }),
      block('numbered_list_item', { rich_text: [text('first')] }),
      block('code', { rich_text: [text('print(1)')], language: 'python' }),
      block('quote', { rich_text: [text('quoted')] }),
      block('divider', {}),
    ])
  })

  it('turns inline markup into annotations and links', () => {
    expect(markdownToNotionBlocks('A **bold** *it* `co<de` ~~x~~ [site](https://example.com/a?b=1&c=2) AT&amp;T [rel](/local)')).toEqual([
      block('paragraph', {
        rich_text: [
          text('A '),
          text('bold', { annotations: { bold: true } }),
          text(' '),
          text('it', { annotations: { italic: true } }),
          text(' '),
          text('co<de', { annotations: { code: true } }),
          text(' '),
          text('x', { annotations: { strikethrough: true } }),
          text(' '),
          link('site', 'https://example.com/a?b=1&c=2'),
          // A relative link cannot be a Notion link; its text stays.
          text(' AT&T rel'),
        ],
      }),
    ])
  })

  it('combines nested annotations', () => {
    expect(markdownToNotionBlocks('***both*** and **[b](https://x.y/)**')).toEqual([
      block('paragraph', { rich_text: [text('both', { annotations: { italic: true, bold: true } }), text(' and '), { ...link('b', 'https://x.y/'), annotations: { bold: true } }] }),
    ])
  })

  it('nests one level of list items and flattens deeper ones', () => {
    expect(markdownToNotionBlocks('- top\n  - child\n    - grandchild\n- [x] done')).toEqual([
      block('bulleted_list_item', {
        rich_text: [text('top')],
        children: [block('bulleted_list_item', { rich_text: [text('child')] }), block('bulleted_list_item', { rich_text: [text('grandchild')] })],
      }),
      block('to_do', { rich_text: [text('done')], checked: true }),
    ])
  })

  it('splits text longer than 2000 characters into segments', () => {
    const long = 'a'.repeat(4500)
    const [paragraph] = markdownToNotionBlocks(long)
    const segments = (paragraph?.paragraph as { rich_text: { text: { content: string } }[] }).rich_text
    expect(segments.map((segment) => segment.text.content.length)).toEqual([2000, 2000, 500])
    const [code] = markdownToNotionBlocks(`\`\`\`\n${'line\n'.repeat(1000)}\`\`\``)
    const codeSegments = (code?.code as { rich_text: { text: { content: string } }[] }).rich_text
    expect(codeSegments.every((segment) => segment.text.content.length <= 2000)).toBe(true)
    expect(codeSegments.map((segment) => segment.text.content).join('')).toBe('line\n'.repeat(999) + 'line')
  })

  it('produces one block per paragraph, so long documents need several requests', () => {
    expect(markdownToNotionBlocks(Array.from({ length: 250 }, (_, i) => `Paragraph ${i + 1}`).join('\n\n'))).toHaveLength(250)
    expect(markdownToNotionBlocks('')).toEqual([])
  })
})

describe('Notion code languages', () => {
  it('maps fence labels onto Notion languages', () => {
    expect(notionLanguage('ts')).toBe('typescript')
    expect(notionLanguage('Python')).toBe('python')
    expect(notionLanguage('sh')).toBe('shell')
    expect(notionLanguage('c++')).toBe('c++')
    expect(notionLanguage('js title="x.js"')).toBe('javascript')
    expect(notionLanguage('brainfuck')).toBe('plain text')
    expect(notionLanguage(undefined)).toBe('plain text')
  })
})

describe('Notion page title', () => {
  it('takes the first heading, else the first line, at most 100 characters', () => {
    expect(notionTitle('Intro line\n\n## The **real** title\n\n# Later')).toBe('The real title')
    expect(notionTitle('\n\n  First line here  \nsecond')).toBe('First line here')
    expect(notionTitle('')).toBe('Untitled')
    const title = notionTitle(`# ${'t'.repeat(300)}`)
    expect(title).toHaveLength(100)
    expect(title.endsWith('…')).toBe(true)
  })
})
