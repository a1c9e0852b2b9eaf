// Turns an RSS 2.0, RSS 1.0 (RDF) or Atom document into items: the document is
// read once (xml-tree.ts) and only the few fields an item needs are picked, for
// the first `limit` entries. A general feed library's per-field lookups cost
// more than fetching the feed (bench/runs.ts); the fields and their fallbacks are
// those of @rowanmanning/feed-parser, which this replaced.
import { entryFields } from './feed-entry'
import { openFeed } from './feed-document'
import { entryImage } from './feed-images'
import { htmlToText } from './html-text'
import type { Item } from './types'

/** The first `limit` entries of the feed; throws NotAFeedError when the text is not a feed. */
export function feedItems(xml: string, limit: number): Item[] {
  const feed = openFeed(xml)
  return feed.entries(limit).map((entry) => {
    const fields = entryFields(entry, feed)
    return {
      title: htmlToText(fields.title ?? ''),
      url: fields.link ?? '',
      // Feeds put HTML in descriptions; prompts and keyword matches want the words.
      summary: htmlToText(fields.text ?? ''),
      published: fields.published,
      imageUrl: entryImage(entry, feed.format),
    }
  })
}
