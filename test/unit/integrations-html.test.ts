import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import { mapLimited } from '../../src-main/integrations/concurrency'
import { feedItems } from '../../src-main/integrations/feed-items'
import { htmlToText } from '../../src-main/integrations/html-text'
import { ogImageIn } from '../../src-main/integrations/og-image'
import { splitText, truncate } from '../../src-main/integrations/text-split'
import { pageItem } from '../../src-main/integrations/web-scrape'
import { extractItems, webScraperSource } from '../../src-main/integrations/web-scraper'
import { ARTICLE, LISTING } from '../fixtures/fake-web'

describe('feed entries', () => {
  const rss = `<rss version="2.0"><channel><title>T</title><link>https://site.example/</link>
    <item><title>First &amp; best</title><link>/one</link><description>&lt;p&gt;Hi &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;&lt;p&gt;again&lt;/p&gt;</description><pubDate>Tue, 02 Jun 2026 09:00:00 GMT</pubDate></item>
    <item><title>Second</title><link>https://site.example/two</link><enclosure url="https://img.example/2.jpg" type="image/jpeg" length="1"/></item>
    <item><title>Third</title></item>
  </channel></rss>`

  it('maps RSS items, resolving links and reading HTML descriptions as text', () => {
    expect(feedItems(rss, 10)).toEqual([
      { title: 'First & best', url: 'https://site.example/one', summary: 'Hi there again', published: new Date('2026-06-02T09:00:00Z'), imageUrl: null },
      { title: 'Second', url: 'https://site.example/two', summary: '', published: null, imageUrl: 'https://img.example/2.jpg' },
      { title: 'Third', url: '', summary: '', published: null, imageUrl: null },
    ])
  })

  it('takes only the first `limit` entries', () => {
    expect(feedItems(rss, 1).map((item) => item.title)).toEqual(['First & best'])
    expect(feedItems(rss, 0)).toEqual([])
  })

  it('reads Atom content and falls back to the updated date', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title>E</title><link href="https://a.example/e"/><id>1</id><updated>2026-01-02T03:04:05Z</updated><content type="html">&lt;p&gt;body&lt;/p&gt;</content></entry></feed>`
    expect(feedItems(atom, 5)).toEqual([{ title: 'E', url: 'https://a.example/e', summary: 'body', published: new Date('2026-01-02T03:04:05Z'), imageUrl: null }])
  })

  it('refuses a document that is not a feed', () => {
    expect(() => feedItems('<html><body>hi</body></html>', 5)).toThrow(/not an RSS or Atom feed/)
  })
})

describe('page text', () => {
  it('keeps readable text only, with whitespace collapsed', () => {
    expect(pageItem(load(ARTICLE), 'https://x/article')).toEqual({ title: 'Quarterly Report', url: 'https://x/article', summary: 'Home Results Revenue grew 12%. Costs fell.', published: null, imageUrl: null })
  })

  it('falls back to the URL as title', () => {
    expect(pageItem(load('<p>Body</p>'), 'https://x/y').title).toBe('https://x/y')
  })

  it('reads fragments and plain text', () => {
    expect(htmlToText('<p>a</p><p>b<br>c</p>')).toBe('a b c')
    expect(htmlToText('  plain\n text ')).toBe('plain text')
    expect(htmlToText('Fish &amp; chips')).toBe('Fish & chips')
  })
})

describe('og:image', () => {
  it('resolves the declared image against the page', () => {
    expect(ogImageIn('<head><meta property="og:image" content="/i.png"></head>', 'https://s.example/a/b')).toBe('https://s.example/i.png')
    expect(ogImageIn('<meta property="og:image" content="https://cdn/x.jpg">', 'https://s.example/')).toBe('https://cdn/x.jpg')
    expect(ogImageIn('<meta name="description" content="x">', 'https://s.example/')).toBeNull()
  })
})

describe('CSS extraction', () => {
  const config = (fields: Record<string, unknown>) => webScraperSource.parse({ url: 'https://blog.example/blog/listing', ...fields })

  it('picks title, link, summary and date with selectors', () => {
    const items = extractItems(load(LISTING), config({ items_selector: 'li.post', title_selector: '.title', url_selector: 'a.link', summary_selector: '.summary', date_selector: '.date', date_format: '%d/%m/%Y %H:%M' }), 'https://blog.example/blog/listing')
    expect(items).toEqual([
      { title: 'First post', url: 'https://blog.example/posts/1', summary: 'Summary one', published: new Date('2026-06-03T14:30:00Z'), imageUrl: null },
      { title: 'Second post', url: 'https://blog.example/blog/posts/2?x=1', summary: 'Summary two', published: null, imageUrl: null },
      { title: 'Third post', url: 'https://elsewhere.example/3', summary: '', published: null, imageUrl: null },
    ])
  })

  it('resolves links against base_url and honours limit', () => {
    const items = extractItems(load(LISTING), config({ items_selector: 'li.post', url_selector: 'a.link', base_url: 'https://mirror.example/root/', limit: 2 }), 'https://blog.example/blog/listing')
    expect(items.map((item) => item.url)).toEqual(['https://mirror.example/posts/1', 'https://mirror.example/root/posts/2?x=1'])
  })

  it('uses the item itself when no title or link selector is given', () => {
    const items = extractItems(load(LISTING), config({ items_selector: 'a.card', date_selector: 'time' }), 'https://blog.example/x')
    expect(items).toEqual([
      { title: 'May 1 Card one', url: 'https://blog.example/c/1', summary: '', published: new Date('2026-05-01T12:00:00Z'), imageUrl: null },
      { title: 'Card two', url: 'https://blog.example/c/2', summary: '', published: null, imageUrl: null },
    ])
  })

  it('finds nothing for a selector that matches nothing', () => {
    expect(extractItems(load(LISTING), config({ items_selector: '.absent' }), 'https://blog.example/')).toEqual([])
  })
})

describe('text splitting', () => {
  it('keeps every character and prefers line and word ends', () => {
    const text = `${'a'.repeat(8)}\n${'b'.repeat(5)} ${'c'.repeat(5)}`
    const pieces = splitText(text, 10)
    expect(pieces.join('')).toBe(text)
    expect(pieces[0]).toBe(`${'a'.repeat(8)}\n`)
    expect(pieces.every((piece) => piece.length <= 10)).toBe(true)
    expect(splitText('', 10)).toEqual([''])
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)])
  })

  it('never splits a surrogate pair', () => {
    const pieces = splitText('a😀😀😀😀', 4)
    expect(pieces.join('')).toBe('a😀😀😀😀')
    for (const piece of pieces) expect(piece).toBe(Array.from(piece).join(''))
    expect(pieces.every((piece) => !/^[\uDC00-\uDFFF]/.test(piece))).toBe(true)
  })

  it('truncates with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…')
    expect(truncate('abc', 4)).toBe('abc')
    expect(truncate('ab😀cd', 4)).toBe('ab…')
  })
})

describe('mapLimited', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, n))
      running -= 1
      return n * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30])
    expect(peak).toBe(2)
    expect(await mapLimited([], 3, async () => 1)).toEqual([])
  })
})
