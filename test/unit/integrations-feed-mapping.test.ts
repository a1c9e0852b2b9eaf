import { describe, expect, it } from 'vitest'
import { feedItems } from '../../src-main/integrations/feed-items'

const MRSS = 'xmlns:media="http://search.yahoo.com/mrss/"'
const rss = (items: string, channel = '<link>https://site.example/blog/</link>', attrs = '') => `<?xml version="1.0"?><rss version="2.0" ${attrs}><channel><title>T</title>${channel}${items}</channel></rss>`
const atom = (entries: string, head = '') => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${head}${entries}</feed>`
const only = (xml: string) => {
  const items = feedItems(xml, 10)
  expect(items).toHaveLength(1)
  return items[0]!
}

describe('RSS 2.0 entries', () => {
  it('maps title, link, description and pubDate', () => {
    expect(only(rss('<item><title>One</title><link>https://a.example/1</link><description>Words here</description><pubDate>Tue, 02 Jun 2026 09:00:00 GMT</pubDate></item>'))).toEqual({
      title: 'One',
      url: 'https://a.example/1',
      summary: 'Words here',
      published: new Date('2026-06-02T09:00:00Z'),
      imageUrl: null,
    })
  })

  it('leaves missing fields empty, and takes an entry with nothing at all', () => {
    expect(only(rss('<item/>'))).toEqual({ title: '', url: '', summary: '', published: null, imageUrl: null })
    expect(only(rss('<item><title>  </title><link> </link><pubDate>soon</pubDate></item>'))).toEqual({ title: '', url: '', summary: '', published: null, imageUrl: null })
  })

  it('resolves relative links against the channel link and xml:base', () => {
    expect(only(rss('<item><link>post/1</link></item>')).url).toBe('https://site.example/blog/post/1')
    expect(only(rss('<item xml:base="https://other.example/a/"><link>b</link></item>')).url).toBe('https://other.example/a/b')
    expect(only(rss('<item><link>/x</link></item>', '')).url).toBe('/x')
  })

  it('skips an empty atom:link to find the link with text', () => {
    const xml = rss('<item><atom:link rel="self" href="https://a.example/self"/><link>https://a.example/real</link></item>', '', 'xmlns:atom="http://www.w3.org/2005/Atom"')
    expect(only(xml).url).toBe('https://a.example/real')
  })

  it('reads content:encoded when there is no description, and dc:date when there is no pubDate', () => {
    const item = only(rss('<item><content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded><dc:date>2026-03-04T05:06:07Z</dc:date></item>', '', 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"'))
    expect(item.summary).toBe('Full text')
    expect(item.published).toEqual(new Date('2026-03-04T05:06:07Z'))
  })

  it('prefers the description to content:encoded', () => {
    const item = only(rss('<item><content:encoded>long</content:encoded><description>short</description></item>', '', 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'))
    expect(item.summary).toBe('short')
  })

  it('takes the first `limit` items in document order', () => {
    const xml = rss(['a', 'b', 'c'].map((t) => `<item><title>${t}</title></item>`).join(''))
    expect(feedItems(xml, 2).map((item) => item.title)).toEqual(['a', 'b'])
    expect(feedItems(xml, 0)).toEqual([])
  })
})

describe('text and entities', () => {
  it('decodes XML and HTML entities, and reads escaped HTML as text', () => {
    const item = only(rss('<item><title>Caf&#233; &amp; bar&nbsp;&mdash; ok</title><description>&lt;p&gt;Hi &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;&lt;p&gt;again&lt;/p&gt;</description></item>'))
    expect(item.title).toBe('Café & bar — ok')
    expect(item.summary).toBe('Hi there again')
  })

  it('keeps CDATA as it is written: markup in it is HTML, entities in it are HTML entities', () => {
    const item = only(rss('<item><title><![CDATA[Fish & chips]]></title><description><![CDATA[<p>Salt &amp; vinegar</p><script>x()</script>]]></description></item>'))
    expect(item.title).toBe('Fish & chips')
    expect(item.summary).toBe('Salt & vinegar')
  })

  it('strips HTML that was escaped twice, as the words a reader sees', () => {
    expect(only(rss('<item><description>&amp;lt;b&amp;gt;Bold&amp;lt;/b&amp;gt; move</description></item>')).summary).toBe('Bold move')
  })

  it('decodes character references in links too', () => {
    expect(only(rss('<item><link>https://a.example/?a=1&#38;b=2&amp;c=3</link></item>')).url).toBe('https://a.example/?a=1&b=2&c=3')
  })

  it('collapses whitespace and line breaks', () => {
    expect(only(rss('<item><title>\n  Two\n\tlines  </title></item>')).title).toBe('Two lines')
  })
})

describe('RSS 1.0 (RDF)', () => {
  it('reads the items beside the channel', () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://rdf.example/"><title>R</title><link>https://rdf.example/</link></channel>
      <item rdf:about="https://rdf.example/1"><title>First</title><link>https://rdf.example/1</link><description>One</description><dc:date>2026-05-01T10:00:00Z</dc:date></item>
      <item rdf:about="https://rdf.example/2"><title>Second</title><link>2</link></item>
    </rdf:RDF>`
    expect(feedItems(xml, 10)).toEqual([
      { title: 'First', url: 'https://rdf.example/1', summary: 'One', published: new Date('2026-05-01T10:00:00Z'), imageUrl: null },
      { title: 'Second', url: 'https://rdf.example/2', summary: '', published: null, imageUrl: null },
    ])
  })
})

describe('Atom entries', () => {
  it('takes the alternate link, the summary before the content, and the published date before updated', () => {
    const entry = `<entry><title type="html">A &amp;amp; B</title><link rel="self" href="https://a.example/self"/><link rel="alternate" href="https://a.example/post"/>
      <summary>Short</summary><content type="html">&lt;p&gt;Long&lt;/p&gt;</content><updated>2026-02-02T00:00:00Z</updated><published>2026-01-01T00:00:00Z</published></entry>`
    expect(only(atom(entry))).toEqual({ title: 'A & B', url: 'https://a.example/post', summary: 'Short', published: new Date('2026-01-01T00:00:00Z'), imageUrl: null })
  })

  it('falls back to a link without rel, the content and the updated date; relative links resolve against the feed', () => {
    const entry = '<entry><title>E</title><link href="posts/e"/><content type="html">&lt;p&gt;Body&lt;/p&gt;</content><updated>2026-02-02T00:00:00Z</updated></entry>'
    expect(only(atom(entry, '<link href="https://atom.example/blog/"/>'))).toEqual({ title: 'E', url: 'https://atom.example/blog/posts/e', summary: 'Body', published: new Date('2026-02-02T00:00:00Z'), imageUrl: null })
  })

  it('reads XHTML content inside its div', () => {
    const entry = '<entry><title>X</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <b>bold</b> &amp; more</p></div></content></entry>'
    expect(only(atom(entry)).summary).toBe('Para bold & more')
  })
})

describe('entry images', () => {
  it('takes a Media RSS image, resolved against xml:base', () => {
    expect(only(rss('<item xml:base="https://cdn.example/i/"><media:content url="pic.png" medium="image"/></item>', '', MRSS)).imageUrl).toBe('https://cdn.example/i/pic.png')
    expect(only(rss('<item><media:group><media:content url="https://c.example/g.jpg" type="image/jpeg"/></media:group></item>', '', MRSS)).imageUrl).toBe('https://c.example/g.jpg')
  })

  it('ignores media:content whose prefix is not bound to Media RSS', () => {
    expect(only(rss('<item><media:content url="https://c.example/x.png" medium="image"/></item>', '', 'xmlns:media="http://other.example/"')).imageUrl).toBeNull()
  })

  it('takes an image enclosure before Media RSS, and a video thumbnail when there is no image', () => {
    const both = '<item><media:content url="https://c.example/m.png" medium="image"/><enclosure url="https://c.example/e.jpg" type="image/jpeg" length="1"/></item>'
    expect(only(rss(both, '', MRSS)).imageUrl).toBe('https://c.example/e.jpg')
    const video = '<item><enclosure url="https://c.example/a.mp3" type="audio/mpeg"/><media:content url="https://c.example/v.mp4" medium="video"><media:thumbnail url="https://c.example/v.jpg"/></media:content></item>'
    expect(only(rss(video, '', MRSS)).imageUrl).toBe('https://c.example/v.jpg')
  })

  it('uses the item <image> or <itunes:image> when no media is an image', () => {
    expect(only(rss('<item><image><url>https://c.example/i.png</url></image></item>')).imageUrl).toBe('https://c.example/i.png')
    expect(only(rss('<item><itunes:image href="https://c.example/pod.jpg"/></item>', '', 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"')).imageUrl).toBe('https://c.example/pod.jpg')
  })

  it('reads Atom enclosure links and a YouTube-style media:group thumbnail', () => {
    expect(only(atom('<entry><title>a</title><link rel="enclosure" type="image/png" href="https://c.example/a.png"/></entry>')).imageUrl).toBe('https://c.example/a.png')
    const youtube = `<entry xmlns:media="http://search.yahoo.com/mrss/"><title>v</title><media:group><media:content url="https://y.example/v" type="application/x-shockwave-flash"/><media:thumbnail url="https://y.example/t.jpg"/></media:group></entry>`
    expect(only(atom(youtube)).imageUrl).toBe('https://y.example/t.jpg')
  })
})

describe('documents that are not feeds', () => {
  it('names what was found instead', () => {
    expect(() => feedItems('<html><body>hi</body></html>', 5)).toThrow('not an RSS or Atom feed (its top element is <html>, not <rss>, <rdf:RDF> or <feed>)')
    expect(() => feedItems('{"items": []}', 5)).toThrow('not an RSS or Atom feed (no XML elements in it)')
    expect(() => feedItems('', 5)).toThrow('not an RSS or Atom feed (no XML elements in it)')
    expect(() => feedItems('<rss version="2.0"></rss>', 5)).toThrow('not an RSS or Atom feed (<rss> has no <channel>)')
  })

  it('says so for text that is not XML at all', () => {
    expect(() => feedItems('Service Unavailable', 5)).toThrow('not an RSS or Atom feed (no XML elements in it)')
  })

  it('reads a feed cut short, or with a stray end tag, as far as it goes', () => {
    expect(feedItems('<rss><channel><item><title>kept</title></item><item><title>cut</title><link>https://a.exa', 5).map((item) => item.title)).toEqual(['kept', 'cut'])
    expect(feedItems('<rss><channel><item><title>one</title></p></item><item><title>two</title></item></channel></rss>', 5).map((item) => item.title)).toEqual(['one', 'two'])
  })
})
