// Best-effort preview images for feed items: the `og:image` of each item's page.
// Every failure (timeout, HTTP error, no tag) just leaves the item without one.
import { cheerio } from './cheerio-lazy'
import { mapLimited } from './concurrency'
import { requestText } from './http'
import type { Item } from './types'
import type { Logger } from '../log'

export interface OgImageTiming {
  /** Limit for one page. */
  perPageMs: number
  /** Limit for all pages of one fetch together. */
  overallMs: number
}

export const OG_IMAGE_TIMING: OgImageTiming = { perPageMs: 5_000, overallMs: 15_000 }
const PARALLEL_PAGES = 5

/** The absolute og:image URL declared by a page, or null. */
export function ogImageIn(html: string, pageUrl: string): string | null {
  const $ = cheerio().load(html)
  const content = $('meta[property="og:image"]').attr('content') ?? $('meta[name="og:image"]').attr('content')
  if (!content?.trim()) return null
  try {
    return new URL(content.trim(), pageUrl).href
  } catch {
    return null
  }
}

async function lookUp(pageUrl: string, timing: OgImageTiming, overall: AbortSignal): Promise<string | null> {
  if (overall.aborted || !/^https?:/i.test(pageUrl)) return null
  const html = await requestText(pageUrl, { timeoutMs: timing.perPageMs, signal: overall, maxBytes: 2 * 1024 * 1024 })
  return ogImageIn(html, pageUrl)
}

/** Fills `imageUrl` of the items that have none; never throws. */
export async function withOgImages(items: Item[], timing: OgImageTiming, log: Logger): Promise<Item[]> {
  const overall = AbortSignal.timeout(timing.overallMs)
  return mapLimited(items, PARALLEL_PAGES, async (item) => {
    if (item.imageUrl || !item.url) return item
    try {
      return { ...item, imageUrl: await lookUp(item.url, timing, overall) }
    } catch (error) {
      log.debug(`og:image lookup skipped: ${error instanceof Error ? error.message : String(error)}`)
      return item
    }
  })
}
