// The `rss` source: an RSS 2.0 or Atom feed, its first `limit` entries, each
// with a preview image where one can be found quickly, narrowed by `keywords`.
import { configRecord, requiredString, stringArray, unsignedInt } from './config-fields'
import { feedParsers } from './feed-pool'
import { requestText } from './http'
import { keepMatchingAny } from './keyword-filter'
import { OG_IMAGE_TIMING, withOgImages, type OgImageTiming } from './og-image'
import type { SourceKind } from './types'

export interface RssConfig {
  url: string
  limit: number
  keywords: string[]
}

export interface RssTiming {
  feedMs: number
  images: OgImageTiming
}

/** Timings are parameters so tests can exercise timeouts without waiting seconds. */
export function createRssSource(timing: RssTiming = { feedMs: 30_000, images: OG_IMAGE_TIMING }): SourceKind<RssConfig> {
  return {
    kind: 'rss',
    parse(config) {
      const fields = configRecord(config)
      return { url: requiredString(fields, 'url', 'rss node'), limit: unsignedInt(fields.limit, 10), keywords: stringArray(fields.keywords) ?? [] }
    },
    async fetch(config, context) {
      const xml = await requestText(config.url, { timeoutMs: timing.feedMs, headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' } })
      let items
      try {
        // Parsed on a worker thread: many feeds at once must not hold up the event loop.
        items = await feedParsers.parse(xml, config.limit)
      } catch (error) {
        throw new Error(`${config.url}: ${error instanceof Error ? error.message : String(error)}`)
      }
      // Filtering first gives the same result as filtering last (images play no part
      // in the match) and spares page loads for items that would be dropped.
      const kept = keepMatchingAny(items, config.keywords)
      return withOgImages(kept, timing.images, context.log)
    },
  }
}

export const rssSource = createRssSource()
