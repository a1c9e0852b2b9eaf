import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webScrapeSource } from '../../src-main/integrations/web-scrape'
import { webScraperSource } from '../../src-main/integrations/web-scraper'
import { fakeContext } from '../fixtures/fake-context'
import { startFakeWeb } from '../fixtures/fake-web'
import type { FakeServer } from '../fixtures/fake-http'

let web: FakeServer
beforeAll(async () => {
  web = await startFakeWeb()
})
afterAll(() => web.close())

const scrape = (config: unknown) => webScrapeSource.fetch(webScrapeSource.parse(config), fakeContext())
const scrapeCss = (config: unknown) => webScraperSource.fetch(webScraperSource.parse(config), fakeContext())

describe('web-scrape source over HTTP', () => {
  it('makes one item of the page title and its readable text, as a browser-like client', async () => {
    const url = `${web.url}/article`
    expect(await scrape({ url })).toEqual([{ title: 'Quarterly Report', url, summary: 'Home Results Revenue grew 12%. Costs fell.', published: null, imageUrl: null }])
    const request = web.requests.findLast((entry) => entry.path === '/article')
    expect(request?.headers['user-agent']).toBe('Mozilla/5.0 (compatible; Shoggoth/1.0)')
  })

  it('uses the URL when the page has no title', async () => {
    const url = `${web.url}/untitled`
    expect(await scrape({ url })).toEqual([expect.objectContaining({ title: url, summary: 'Just text' })])
  })

  it('decodes the charset the server declares', async () => {
    expect(await scrape({ url: `${web.url}/latin1` })).toEqual([expect.objectContaining({ title: 'Café', summary: 'crème brûlée' })])
  })

  it('applies keywords to the page', async () => {
    expect(await scrape({ url: `${web.url}/article`, keywords: ['revenue'] })).toHaveLength(1)
    expect(await scrape({ url: `${web.url}/article`, keywords: ['bitcoin', 'secret'] })).toEqual([])
  })

  it('rejects with a clear message for a missing page', async () => {
    await expect(scrape({ url: `${web.url}/gone` })).rejects.toThrow(`GET ${web.url}/gone failed: HTTP 404: not found`)
  })
})

describe('web-scraper source over HTTP', () => {
  it('extracts items with selectors, relative links and formatted dates', async () => {
    const items = await scrapeCss({
      url: `${web.url}/blog/listing`,
      items_selector: 'li.post',
      title_selector: '.title',
      url_selector: 'a.link',
      summary_selector: '.summary',
      date_selector: '.date',
      date_format: '%d/%m/%Y %H:%M',
    })
    expect(items).toEqual([
      { title: 'First post', url: `${web.url}/posts/1`, summary: 'Summary one', published: new Date('2026-06-03T14:30:00Z'), imageUrl: null },
      { title: 'Second post', url: `${web.url}/blog/posts/2?x=1`, summary: 'Summary two', published: null, imageUrl: null },
      { title: 'Third post', url: 'https://elsewhere.example/3', summary: '', published: null, imageUrl: null },
    ])
  })

  it('resolves against base_url and stops at limit', async () => {
    const items = await scrapeCss({ url: `${web.url}/blog/listing`, items_selector: 'li.post', title_selector: '.title', url_selector: 'a.link', base_url: 'https://public.example/', limit: 1 })
    expect(items).toEqual([expect.objectContaining({ title: 'First post', url: 'https://public.example/posts/1' })])
  })

  it('rejects with a clear message when the page cannot be fetched', async () => {
    await expect(scrapeCss({ url: `${web.url}/nothing`, items_selector: 'li' })).rejects.toThrow(`GET ${web.url}/nothing failed: HTTP 404`)
  })
})
