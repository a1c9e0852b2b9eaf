// A feed entry's preview image, from what the entry itself declares, in this
// order: an image among its media (enclosures, then Media RSS content), the RSS
// <image> or <itunes:image>, a media item's thumbnail, any <thumbnail>.
import type { FeedFormat } from './feed-document'
import type { XmlElement } from './xml-tree'

interface Media {
  url: string
  /** image, audio, video… from `medium` or the MIME type. */
  type: string | null
  /** A picture of it: its thumbnail, or itself when it is an image. */
  picture: string | null
}

const MEDIA_RSS = new Set(['http://search.yahoo.com/mrss/', 'https://search.yahoo.com/mrss/'])

export function entryImage(entry: XmlElement, format: FeedFormat): string | null {
  const media = entryMedia(entry, format)
  return (
    media.find((item) => item.type === 'image')?.url ??
    (format === 'rss' ? rssImage(entry) : null) ??
    media.find((item) => item.picture)?.picture ??
    (entry.first('thumbnail') ?? entry.first('group')?.first('thumbnail'))?.attributeUrl('url') ??
    null
  )
}

/** Enclosures first, then Media RSS content (also inside media:group); one per URL. */
function entryMedia(entry: XmlElement, format: FeedFormat): Media[] {
  const enclosures = format === 'rss' ? entry.all('enclosure').map((e) => enclosure(e, 'url')) : entry.all('link').filter((link) => link.attribute('rel') === 'enclosure').map((e) => enclosure(e, 'href'))
  const contents = [...mediaRss(entry, 'content'), ...mediaRss(entry, 'group').flatMap((group) => mediaRss(group, 'content'))].map(mediaContent)
  const seen = new Set<string>()
  return [...enclosures, ...contents].filter((item): item is Media => {
    if (!item || seen.has(item.url)) return false
    seen.add(item.url)
    return true
  })
}

function mediaRss(parent: XmlElement, name: string): XmlElement[] {
  return parent.all(name).filter(isMediaRss)
}

function isMediaRss(element: XmlElement): boolean {
  const uri = element.namespaceUri
  return uri !== null && MEDIA_RSS.has(uri)
}

function enclosure(element: XmlElement, urlAttribute: string): Media | null {
  const url = element.attributeUrl(urlAttribute)
  if (!url) return null
  const type = mimeType(element)?.split('/')[0] ?? null
  return { url, type, picture: type === 'image' ? url : null }
}

function mediaContent(element: XmlElement): Media | null {
  const url = element.attributeUrl('url')
  if (!url) return null
  const type = element.attribute('medium')?.toLowerCase() || mimeType(element)?.split('/')[0] || null
  // The content's own thumbnail, else its group's (or the entry's).
  const thumbnail = [element.first('thumbnail'), element.parent?.first('thumbnail') ?? null]
    .filter((t): t is XmlElement => t !== null && isMediaRss(t))
    .map((t) => t.attributeUrl('url'))
    .find((t) => t !== null)
  return { url, type, picture: thumbnail ?? (type === 'image' ? url : null) }
}

function mimeType(element: XmlElement): string | null {
  return element.attribute('type')?.toLowerCase() || null
}

/** RSS <image><url>, else <itunes:image href>. */
function rssImage(entry: XmlElement): string | null {
  const images = entry.all('image')
  const plain = images.find((image) => image.prefix !== 'itunes')
  const itunes = images.find((image) => image.prefix === 'itunes')
  return plain?.first('url')?.textAsUrl || itunes?.attributeUrl('href') || null
}
