// The `web-scrape` source: one page as one item (its <title> and readable text),
// kept only if it matches `keywords`.
import type { CheerioAPI } from 'cheerio'
import { configRecord, requiredString, stringArray } from './config-fields'
import { collapseWhitespace, visibleText } from './html-text'
import { keepMatchingAny } from './keyword-filter'
import { loadPage } from './web-page'
import type { Item, SourceKind } from './types'

export interface WebScrapeConfig {
  url: string
  keywords: string[]
}

/** The page as an item; the title falls back to the URL. */
export function pageItem($: CheerioAPI, url: string): Item {
  const title = collapseWhitespace($('title').first().text())
  return { title: title || url, url, summary: visibleText($), published: null, imageUrl: null }
}

export const webScrapeSource: SourceKind<WebScrapeConfig> = {
  kind: 'web-scrape',
  parse(config) {
    const fields = configRecord(config)
    return { url: requiredString(fields, 'url', 'web-scrape node'), keywords: stringArray(fields.keywords) ?? [] }
  },
  async fetch(config) {
    return keepMatchingAny([pageItem(await loadPage(config.url), config.url)], config.keywords)
  },
}
