import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRssSource, rssSource } from '../../src-main/integrations/rss'
import { fakeContext } from '../fixtures/fake-context'
import { startFakeFeeds, type FakeFeeds } from '../fixtures/fake-feeds'

let feeds: FakeFeeds
beforeAll(async () => {
  feeds = await startFakeFeeds()
})
afterAll(() => feeds.close())

// Short limits so the slow page costs a fraction of a second, not 5 s.
const quick = createRssSource({ feedMs: 5_000, images: { perPageMs: 300, overallMs: 2_000 } })
const fetchRss = (config: unknown, source = quick) => source.fetch(source.parse(config), fakeContext())

describe('rss source over HTTP', () => {
  it('reads RSS 2.0 items with og:images, ignoring slow and broken pages', async () => {
    const items = await fetchRss({ url: feeds.rssUrl })
    expect(items.map((item) => [item.title, item.url.replace(feeds.url, ''), item.imageUrl])).toEqual([
      ['Rust 2.0 released', '/pages/with-image', 'https://cdn.example/rust.png'],
      ['Gardening tips', '/pages/relative-image', `${feeds.url}/img/tomato.jpg`],
      ['Slow page story', '/pages/slow', null],
      ['Broken page story', '/pages/broken', null],
      ['Plain page', '/pages/plain', null],
    ])
    expect(items[0]?.summary).toBe('The Rust team shipped.')
    expect(items[0]?.published).toEqual(new Date('2026-06-01T10:00:00Z'))
  })

  it('takes the first `limit` entries and fetches pages only for those', async () => {
    const before = feeds.requests.length
    const items = await fetchRss({ url: feeds.rssUrl, limit: 2 })
    expect(items.map((item) => item.title)).toEqual(['Rust 2.0 released', 'Gardening tips'])
    const paths = feeds.requests.slice(before).map((request) => request.path)
    expect(paths.sort()).toEqual(['/pages/relative-image', '/pages/with-image', '/rss.xml'])
  })

  it('keeps entries matching any keyword in title or summary, case-insensitively', async () => {
    const items = await fetchRss({ url: feeds.rssUrl, keywords: ['RUST', 'tomatoes'] })
    expect(items.map((item) => item.title)).toEqual(['Rust 2.0 released', 'Gardening tips', 'Broken page story'])
  })

  it('stops looking for images when the overall budget is spent', async () => {
    // Only the overall budget can end the wait: the page limit is longer than the slow page takes.
    const budgeted = createRssSource({ feedMs: 5_000, images: { perPageMs: 60_000, overallMs: 400 } })
    const answered = feeds.slowPageAnswers()
    const items = await fetchRss({ url: feeds.rssUrl, keywords: ['slow'] }, budgeted)
    // The items came before the slow page answered (SLOW_PAGE_MS).
    expect(feeds.slowPageAnswers()).toBe(answered)
    expect(items).toEqual([expect.objectContaining({ title: 'Slow page story', imageUrl: null })])
  })

  it('reads Atom entries: content as summary, published or updated date', async () => {
    const items = await fetchRss({ url: feeds.atomUrl })
    expect(items).toEqual([
      { title: 'Atom entry one', url: `${feeds.url}/pages/with-image`, summary: 'Body of the first entry', published: new Date('2026-06-02T08:00:00Z'), imageUrl: 'https://cdn.example/rust.png' },
      { title: 'Atom entry two', url: `${feeds.url}/pages/plain`, summary: 'Second summary', published: new Date('2026-06-01T07:30:00Z'), imageUrl: null },
    ])
  })

  it('rejects with a clear message when the feed cannot be fetched or parsed', async () => {
    await expect(fetchRss({ url: `${feeds.url}/missing.xml` }, rssSource)).rejects.toThrow(`GET ${feeds.url}/missing.xml failed: HTTP 404: not found`)
    await expect(fetchRss({ url: `${feeds.url}/not-a-feed` }, rssSource)).rejects.toThrow(`${feeds.url}/not-a-feed: not an RSS or Atom feed`)
  })
})
