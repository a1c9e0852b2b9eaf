// Which kind of feed a document is (RSS 2.0, RSS 1.0/RDF, Atom), where its
// entries are and the feed's own link, against which relative entry links resolve.
import { parseXml, type XmlElement } from './xml-tree'

export type FeedFormat = 'rss' | 'atom'

export interface FeedDocument {
  format: FeedFormat
  /** The feed's own link (absolute when the feed says so), or null. */
  link: string | null
  /** The first `limit` entries, in document order. */
  entries(limit: number): XmlElement[]
}

/** A document that is not a feed; the message says why, for the run log. */
export class NotAFeedError extends Error {
  constructor(reason: string) {
    super(`not an RSS or Atom feed (${reason})`)
    this.name = 'NotAFeedError'
  }
}

export function openFeed(xml: string): FeedDocument {
  const document = parseXml(xml)
  const atom = document.first('feed')
  if (atom) return { format: 'atom', link: atomLink(atom), entries: (limit) => atom.all('entry').slice(0, limit) }
  // RSS 2.0 keeps its items in <channel>; RSS 1.0 (<rdf:RDF>) next to it.
  const root = document.first('rss') ?? document.first('rdf')
  if (!root) throw new NotAFeedError(topElementReason(document))
  const channel = root.first('channel')
  if (!channel) throw new NotAFeedError(`<${root.name}> has no <channel>`)
  return { format: 'rss', link: rssLink(channel), entries: (limit) => [...channel.all('item'), ...root.all('item')].slice(0, limit) }
}

/** RSS: the first <link> with text in it (an atom:link beside it has none). */
export function rssLink(element: XmlElement): string | null {
  return element.all('link').find((link) => link.normalizedText)?.textAsUrl || null
}

/** Atom: the `alternate` link, else one without a rel. */
export function atomLink(element: XmlElement): string | null {
  const links = element.all('link')
  return links.find((link) => link.attribute('rel') === 'alternate')?.attributeUrl('href') || links.find((link) => link.attribute('rel') === null)?.attributeUrl('href') || null
}

function topElementReason(document: XmlElement): string {
  const top = document.children.find((child): child is XmlElement => typeof child !== 'string')
  return top ? `its top element is <${top.name}>, not <rss>, <rdf:RDF> or <feed>` : 'no XML elements in it'
}
