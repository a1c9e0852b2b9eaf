// The `web-scraper` source: items picked out of a page with CSS selectors.
import type { Cheerio, CheerioAPI } from 'cheerio'
import { configRecord, optionalString, requiredString, unsignedInt } from './config-fields'
import { collapseWhitespace } from './html-text'
import { parseIsoDate, parseWithFormat } from './strftime-parse'
import { loadPage } from './web-page'
import type { Item, SourceKind } from './types'

// cheerio's node type, named without importing its parser package directly.
type AnyNode = Parameters<CheerioAPI['contains']>[0]

export interface WebScraperConfig {
  url: string
  baseUrl: string | null
  itemsSelector: string
  titleSelector: string | null
  urlSelector: string | null
  summarySelector: string | null
  dateSelector: string | null
  dateFormat: string | null
  limit: number
}

function parseConfig(config: unknown): WebScraperConfig {
  const fields = configRecord(config)
  const owner = 'web-scraper node'
  return {
    url: requiredString(fields, 'url', owner),
    itemsSelector: requiredString(fields, 'items_selector', owner),
    baseUrl: optionalString(fields, 'base_url'),
    titleSelector: optionalString(fields, 'title_selector'),
    urlSelector: optionalString(fields, 'url_selector'),
    summarySelector: optionalString(fields, 'summary_selector'),
    dateSelector: optionalString(fields, 'date_selector'),
    dateFormat: optionalString(fields, 'date_format'),
    limit: unsignedInt(fields.limit, 10),
  }
}

/** The element itself when no selector is given, else its first match inside the item. */
function pick(item: Cheerio<AnyNode>, selector: string | null): Cheerio<AnyNode> {
  return selector ? item.find(selector).first() : item
}

function linkOf(item: Cheerio<AnyNode>, selector: string | null): string | null {
  const target = selector ? pick(item, selector) : item.is('a[href]') ? item : item.find('a[href]').first()
  const href = target.attr('href') ?? (selector ? target.text() : undefined)
  return href?.trim() || null
}

function resolve(href: string | null, base: string): string {
  if (!href) return base
  try {
    return new URL(href, base).href
  } catch {
    return href
  }
}

function dateOf(item: Cheerio<AnyNode>, config: WebScraperConfig): Date | null {
  if (!config.dateSelector) return null
  const element = pick(item, config.dateSelector)
  const text = collapseWhitespace(element.text())
  if (config.dateFormat) return parseWithFormat(text, config.dateFormat)
  // Without a format, a machine-readable <time datetime> or an ISO text still counts.
  const datetime = element.attr('datetime')
  return (datetime ? parseIsoDate(datetime) : null) ?? parseIsoDate(text)
}

/** Up to `limit` items of a loaded page; `pageUrl` is the fallback base for relative links. */
export function extractItems($: CheerioAPI, config: WebScraperConfig, pageUrl: string): Item[] {
  const base = config.baseUrl ?? pageUrl
  return $(config.itemsSelector)
    .slice(0, config.limit)
    .toArray()
    .map((element) => {
      const item = $(element)
      return {
        title: collapseWhitespace(pick(item, config.titleSelector).text()),
        url: resolve(linkOf(item, config.urlSelector), base),
        summary: config.summarySelector ? collapseWhitespace(pick(item, config.summarySelector).text()) : '',
        published: dateOf(item, config),
        imageUrl: null,
      }
    })
}

export const webScraperSource: SourceKind<WebScraperConfig> = {
  kind: 'web-scraper',
  parse: parseConfig,
  async fetch(config) {
    return extractItems(await loadPage(config.url), config, config.url)
  },
}
