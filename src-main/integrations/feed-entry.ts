// The text fields of one feed entry (an RSS <item> or an Atom <entry>): title,
// link, the description or content, and the date. Names match whatever their
// prefix (dc:date is a date), as feeds mix namespaces freely.
import { atomLink, rssLink, type FeedDocument, type FeedFormat } from './feed-document'
import type { XmlElement } from './xml-tree'

export interface EntryFields {
  title: string | null
  link: string | null
  /** The short text (RSS description, Atom summary), else the full content; may hold HTML. */
  text: string | null
  published: Date | null
}

export function entryFields(entry: XmlElement, feed: FeedDocument): EntryFields {
  return {
    title: entry.first('title')?.normalizedText || null,
    link: entryLink(entry, feed),
    text: feed.format === 'rss' ? rssText(entry) : atomText(entry),
    published: firstDate(entry, DATE_NAMES[feed.format]),
  }
}

/** Earlier names win: a publication date before a modification date. */
const DATE_NAMES: Record<FeedFormat, string[]> = {
  rss: ['pubdate', 'date'],
  atom: ['published', 'issued', 'modified', 'updated'],
}

function firstDate(entry: XmlElement, names: string[]): Date | null {
  for (const name of names) {
    const date = entry.first(name)?.textAsDate
    if (date) return date
  }
  return null
}

/** Absolute where possible: relative links resolve against xml:base, then the feed's own link. */
function entryLink(entry: XmlElement, feed: FeedDocument): string | null {
  const link = feed.format === 'rss' ? rssLink(entry) : atomLink(entry)
  if (!link) return null
  try {
    return new URL(link, feed.link || undefined).href
  } catch {
    return link
  }
}

function rssText(entry: XmlElement): string | null {
  const description = entry.first('description')?.normalizedText
  if (description) return description
  const encoded = entry.first('encoded')
  return (encoded?.prefix === 'content' && encoded.normalizedText) || null
}

function atomText(entry: XmlElement): string | null {
  const summary = entry.first('summary')?.normalizedText
  if (summary) return summary
  const content = entry.first('content')
  if (!content) return null
  // type="xhtml": the markup inside the wrapping <div> is the content (RFC 4287 §4.1.3).
  const div = content.first('div')
  if (content.attribute('type') === 'xhtml' && div) return div.innerHtml
  return content.normalizedText || null
}
