import { afterAll, describe, expect, it } from 'vitest'
import { feedItems } from '../../src-main/integrations/feed-items'
import { FeedParserPool, INLINE_BELOW } from '../../src-main/integrations/feed-pool'

const feed = (n: number) =>
  `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><link>https://f${n}.example/</link>` +
  Array.from({ length: 5 }, (_, i) => `<item><title>Feed ${n} &amp; story ${i}</title><link>s/${i}</link><description>&lt;p&gt;Body ${i}&lt;/p&gt;</description><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate><media:content url="https://img.example/${n}-${i}.png" medium="image"/></item>`).join('') +
  '</channel></rss>'

// One pool of two workers that get every document (nothing is small enough to
// parse in place); a pool of none parses everything on the calling thread.
const workers = new FeedParserPool(2, 0)
const inPlace = new FeedParserPool(0)
afterAll(() => Promise.all([workers.close(), inPlace.close()]))

describe('feed parser pool', () => {
  it('gives the same items from a worker as in place, dates included', async () => {
    const xml = feed(1)
    const expected = feedItems(xml, 3)
    expect(await workers.parse(xml, 3)).toEqual(expected)
    expect(await inPlace.parse(xml, 3)).toEqual(expected)
    expect(expected[0]).toEqual({ title: 'Feed 1 & story 0', url: 'https://f1.example/s/0', summary: 'Body 0', published: new Date('2026-06-01T10:00:00Z'), imageUrl: 'https://img.example/1-0.png' })
  })

  it('answers each of many documents sent at once to its own caller', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => workers.parse(feed(n), 1)))
    expect(results.map((items) => items[0]?.title)).toEqual(Array.from({ length: 20 }, (_, n) => `Feed ${n} & story 0`))
  })

  it('rejects with the parser message, from a worker as in place', async () => {
    await expect(workers.parse('<html><body>no</body></html>', 5)).rejects.toThrow('not an RSS or Atom feed (its top element is <html>')
    await expect(inPlace.parse('<html><body>no</body></html>', 5)).rejects.toThrow('not an RSS or Atom feed (its top element is <html>')
    // The worker is still there for the next document.
    expect(await workers.parse(feed(2), 1)).toHaveLength(1)
  })

  it('parses a typical feed in place and hands a long one to a worker', async () => {
    const pool = new FeedParserPool(1)
    try {
      expect(await pool.parse(feed(3), 5)).toHaveLength(5)
      expect(pool.workerCount).toBe(0)
      const long = feed(4).replace('</channel>', `${'<item><title>More</title><description>' + 'words '.repeat(200) + '</description></item>'}`.repeat(80) + '</channel>')
      expect(long.length).toBeGreaterThan(INLINE_BELOW)
      expect(await pool.parse(long, 100)).toHaveLength(85)
      expect(pool.workerCount).toBe(1)
    } finally {
      await pool.close()
    }
  })
})
