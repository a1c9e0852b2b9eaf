// Turns an RSS 2.0 or Atom document into items, using a maintained feed parser.
import { parseFeed } from '@rowanmanning/feed-parser'
import { htmlToText } from './html-text'
import type { Item } from './types'

/** The first `limit` entries of the feed; throws when the text is not a feed. */
export function feedItems(xml: string, limit: number): Item[] {
  let feed: ReturnType<typeof parseFeed>
  try {
    feed = parseFeed(xml)
  } catch (error) {
    throw new Error(`not an RSS or Atom feed (${error instanceof Error ? error.message : String(error)})`)
  }
  return feed.items.slice(0, limit).map((entry) => ({
    title: htmlToText(entry.title ?? ''),
    url: entry.url ?? '',
    // Feeds put HTML in descriptions; prompts and keyword matches want the words.
    summary: htmlToText(entry.description ?? entry.content ?? ''),
    published: entry.published ?? entry.updated ?? null,
    // The parser's getters search the document on every call; the cheaper one goes first.
    imageUrl: entry.mediaImages[0]?.url ?? entry.image?.url ?? null,
  }))
}
