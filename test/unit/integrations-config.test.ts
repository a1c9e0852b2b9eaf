import { describe, expect, it } from 'vitest'
import { marketDataSource } from '../../src-main/integrations/market-data'
import { notionSink } from '../../src-main/integrations/notion'
import { filterKind, FILTER_KINDS, SINK_KINDS, sinkKind, SOURCE_KINDS, sourceKind } from '../../src-main/integrations/registry'
import { rssSource } from '../../src-main/integrations/rss'
import { slackSink } from '../../src-main/integrations/slack'
import { unsignedInt } from '../../src-main/integrations/config-fields'

describe('registry', () => {
  it('knows every kind of the contract', () => {
    expect([...SOURCE_KINDS.keys()].sort()).toEqual(['github-merged-prs', 'market-data', 'rss', 'web-scrape', 'web-scraper'])
    expect([...FILTER_KINDS.keys()]).toEqual(['keyword'])
    expect([...SINK_KINDS.keys()].sort()).toEqual(['notion', 'slack'])
    expect(sourceKind('rss').kind).toBe('rss')
    expect(filterKind('keyword').kind).toBe('keyword')
    expect(sinkKind('notion').kind).toBe('notion')
  })

  it('names unknown kinds with the contract messages', () => {
    expect(() => sourceKind('x')).toThrow(new Error('unknown source kind: x'))
    expect(() => filterKind('regex')).toThrow(new Error('unknown filter kind: regex'))
    expect(() => sinkKind('email')).toThrow(new Error('unknown sink kind: email'))
  })
})

describe('source config parsing', () => {
  it.each([
    ['rss', {}, `rss node missing 'url'`],
    ['rss', { url: 42 }, `rss node missing 'url'`],
    ['rss', { url: '  ' }, `rss node missing 'url'`],
    ['web-scrape', { keywords: ['a'] }, `web-scrape node missing 'url'`],
    ['web-scraper', { items_selector: 'li' }, `web-scraper node missing 'url'`],
    ['web-scraper', { url: 'http://x' }, `web-scraper node missing 'items_selector'`],
    ['github-merged-prs', { since_days: 3 }, `github-merged-prs node missing 'repos'`],
    ['github-merged-prs', { repos: 'a/b' }, `github-merged-prs node missing 'repos'`],
  ])('%s %j fails with %s', (kind, config, message) => {
    expect(() => sourceKind(kind).parse(config)).toThrow(new Error(message))
  })

  it('reads rss defaults and keeps only valid numbers (contract §0)', () => {
    expect(rssSource.parse({ url: 'http://f' })).toEqual({ url: 'http://f', limit: 10, keywords: [] })
    expect(rssSource.parse({ url: 'http://f', limit: 3, keywords: ['a', 7, 'b'] })).toEqual({ url: 'http://f', limit: 3, keywords: ['a', 'b'] })
    for (const limit of [2.5, -1, '5', null, true]) expect(rssSource.parse({ url: 'http://f', limit }).limit).toBe(10)
    expect(rssSource.parse({ url: 'http://f', limit: 0 }).limit).toBe(0)
  })

  it('treats a config that is not an object as empty', () => {
    expect(() => rssSource.parse(null)).toThrow(`rss node missing 'url'`)
    expect(() => rssSource.parse(['url'])).toThrow(`rss node missing 'url'`)
  })

  it('reads github-merged-prs repos and since_days', () => {
    expect(sourceKind('github-merged-prs').parse({ repos: ['a/b', 'nope', 3, ' c/d '], since_days: 14 })).toEqual({ repos: ['a/b', 'c/d'], sinceDays: 14 })
    expect(sourceKind('github-merged-prs').parse({ repos: [], since_days: 1.5 })).toEqual({ repos: [], sinceDays: 7 })
  })

  it('reads web-scraper optional selectors', () => {
    expect(sourceKind('web-scraper').parse({ url: 'http://p', items_selector: '.post', title_selector: 'h2', date_format: '%Y', limit: 4 })).toEqual({
      url: 'http://p', baseUrl: null, itemsSelector: '.post', titleSelector: 'h2', urlSelector: null, summarySelector: null, dateSelector: null, dateFormat: '%Y', limit: 4,
    })
  })

  it('accepts anything for market-data and yields nothing', async () => {
    expect(marketDataSource.parse({ anything: true })).toBeNull()
    expect(marketDataSource.parse(undefined)).toBeNull()
    expect(await marketDataSource.fetch(null, undefined as never)).toEqual([])
  })

  it('unsignedInt only counts non-negative integers', () => {
    expect(unsignedInt(0, 7)).toBe(0)
    expect(unsignedInt(30, 7)).toBe(30)
    expect(unsignedInt(-3, 7)).toBe(7)
    expect(unsignedInt(3.2, 7)).toBe(7)
    expect(unsignedInt('3', 7)).toBe(7)
    expect(unsignedInt(Number.POSITIVE_INFINITY, 7)).toBe(7)
  })
})

describe('sink resolution', () => {
  const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_WEBHOOK_URL: 'https://hooks/x', NOTION_TOKEN: 'secret' }

  it('prefers the bot token when both are set', () => {
    expect(slackSink.resolve({ bot_token_env: 'SLACK_BOT_TOKEN', webhook_url_env: 'SLACK_WEBHOOK_URL', channel: '#news' }, env)).toEqual({ mode: 'bot', token: 'xoxb-1', channel: '#news' })
    expect(slackSink.resolve({ webhook_url_env: 'SLACK_WEBHOOK_URL' }, env)).toEqual({ mode: 'webhook', webhookUrl: 'https://hooks/x' })
  })

  it.each([
    [{}, 'slack sink requires either webhook_url_env or bot_token_env'],
    [{ channel: '#a' }, 'slack sink requires either webhook_url_env or bot_token_env'],
    [{ bot_token_env: 'SLACK_BOT_TOKEN' }, 'slack bot_token_env requires a channel to be set'],
    [{ bot_token_env: 'SLACK_BOT_TOKEN', webhook_url_env: 'SLACK_WEBHOOK_URL' }, 'slack bot_token_env requires a channel to be set'],
    [{ bot_token_env: 'MISSING_TOKEN', channel: '#a' }, 'sink requires env var MISSING_TOKEN but it is not set'],
    [{ webhook_url_env: 'MISSING_HOOK' }, 'sink requires env var MISSING_HOOK but it is not set'],
  ])('slack %j fails with %s', (config, message) => {
    expect(() => slackSink.resolve(config, env)).toThrow(new Error(message))
  })

  it.each([
    [{ database_id: 'db' }, `notion node missing 'token_env'`],
    [{ token_env: 'NOTION_TOKEN' }, `notion node missing 'database_id'`],
    [{ token_env: 'NOPE', database_id: 'db' }, 'sink requires env var NOPE but it is not set'],
  ])('notion %j fails with %s', (config, message) => {
    expect(() => notionSink.resolve(config, env)).toThrow(new Error(message))
  })

  it('resolves notion to its token and database', () => {
    expect(notionSink.resolve({ token_env: 'NOTION_TOKEN', database_id: 'db-1' }, env)).toEqual({ token: 'secret', databaseId: 'db-1' })
  })

  it('treats an empty env var as not set', () => {
    expect(() => notionSink.resolve({ token_env: 'EMPTY', database_id: 'db' }, { EMPTY: '' })).toThrow('sink requires env var EMPTY but it is not set')
  })
})
