// A read-only view of an XML document for the feed mapping. htmlparser2 (the
// parser under cheerio) reads the document in XML mode into a small tree; on top,
// names match by local name (case-insensitive), namespace prefixes resolve
// through the xmlns declarations in scope, and xml:base applies to links.
// Lenient on purpose, as feed readers are: a stray or missing end tag does not
// lose the entries around it.
import { decodeHTML, decodeXML } from 'entities'
import { Parser } from 'htmlparser2'

/** An element as read: tag as written, attributes with XML entities decoded. */
interface RawElement {
  tag: string
  attributes: Record<string, string> | null
  children: (RawElement | string)[]
}

export type XmlChild = XmlElement | string

export class XmlElement {
  /** Local name, lower-cased (`media:content` → `content`). */
  readonly name: string
  /** Lower-cased prefix, or null for none. */
  readonly prefix: string | null
  private childList: XmlChild[] | undefined
  private byName: Map<string, XmlElement[]> | undefined
  private attributeMap: Record<string, string> | undefined
  private base: string | null | undefined

  constructor(
    private readonly raw: RawElement,
    readonly parent: XmlElement | null,
  ) {
    const tag = raw.tag.toLowerCase()
    const colon = tag.indexOf(':')
    this.name = colon === -1 ? tag : tag.slice(colon + 1)
    this.prefix = colon > 0 ? tag.slice(0, colon) : null
  }

  /** Wrapped on first use: entries past a feed's limit cost their parse and nothing more. */
  get children(): XmlChild[] {
    this.childList ??= this.raw.children.map((child) => (typeof child === 'string' ? child : new XmlElement(child, this)))
    return this.childList
  }

  /** The first child element with this local name, whatever its prefix. */
  first(name: string): XmlElement | null {
    return this.named().get(name)?.[0] ?? null
  }

  all(name: string): readonly XmlElement[] {
    return this.named().get(name) ?? []
  }

  /** Child elements by local name, in document order (an entry is asked a dozen names). */
  private named(): Map<string, XmlElement[]> {
    if (this.byName === undefined) {
      this.byName = new Map()
      for (const child of this.children) {
        if (typeof child === 'string') continue
        const list = this.byName.get(child.name)
        if (list) list.push(child)
        else this.byName.set(child.name, [child])
      }
    }
    return this.byName
  }

  /** An attribute's value (name lower-cased); an empty value counts as none. */
  attribute(name: string): string | null {
    return this.attributes()[name] || null
  }

  /** An attribute as an absolute URL where xml:base allows; null when absent or blank. */
  attributeUrl(name: string): string | null {
    const value = this.attribute(name)
    return value ? this.resolve(value.trim()) || null : null
  }

  /** All text inside, markup dropped; entities beyond XML's own are still encoded. */
  get text(): string {
    return textOf(this.raw)
  }

  /** The text trimmed, with HTML entities decoded (feeds use `&nbsp;` and friends freely). */
  get normalizedText(): string {
    return decodeHTML(this.text.trim())
  }

  get textAsUrl(): string {
    return this.resolve(this.text.trim())
  }

  get textAsDate(): Date | null {
    const date = new Date(this.text.trim())
    return Number.isNaN(date.valueOf()) ? null : date
  }

  /** The markup inside, written out again (Atom's XHTML content). */
  get innerHtml(): string {
    // Escaped while written, so that decoding turns HTML's entities in the text into characters too.
    return decodeHTML(markup(this.raw.children).trim())
  }

  /** The URI the element's prefix (or the default namespace) is bound to where it stands. */
  get namespaceUri(): string | null {
    const key = this.prefix === null ? 'xmlns' : `xmlns:${this.prefix}`
    for (let element: XmlElement | null = this; element; element = element.parent) {
      const uri = element.attributes()[key]
      if (uri !== undefined) return uri.trim() || null
    }
    return null
  }

  /** The base for relative URLs: xml:base attributes from the root down (null when none). */
  get baseUrl(): string | null {
    if (this.base === undefined) {
      const inherited = this.parent?.baseUrl ?? null
      const own = this.attribute('xml:base')
      this.base = own ? resolveAgainst(own, inherited) : inherited
    }
    return this.base
  }

  resolve(url: string): string {
    return resolveAgainst(url, this.baseUrl)
  }

  private attributes(): Record<string, string> {
    if (this.attributeMap === undefined) {
      this.attributeMap = {}
      for (const [key, value] of Object.entries(this.raw.attributes ?? {})) this.attributeMap[key.toLowerCase()] = value
    }
    return this.attributeMap
  }
}

function resolveAgainst(url: string, base: string | null): string {
  if (!base) return url
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}

const decodeXml = (text: string) => (text.includes('&') ? decodeXML(text) : text)
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function textOf(element: RawElement): string {
  let text = ''
  for (const child of element.children) text += typeof child === 'string' ? child : textOf(child)
  return text
}

function markup(children: (RawElement | string)[]): string {
  let out = ''
  for (const child of children) {
    if (typeof child === 'string') out += escapeXml(child)
    else {
      const attributes = Object.entries(child.attributes ?? {}).map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
      out += `<${child.tag}${attributes.join('')}>${markup(child.children)}</${child.tag}>`
    }
  }
  return out
}

/**
 * The document node, whose children are the top-level elements. XML's entities
 * and character references are decoded here, nothing inside CDATA; HTML's named
 * entities are left to `normalizedText`.
 */
export function parseXml(xml: string): XmlElement {
  const document: RawElement = { tag: '#document', attributes: null, children: [] }
  const open: RawElement[] = [document]
  let inCdata = false
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        let decoded: Record<string, string> | null = null
        for (const key in attributes) (decoded ??= {})[key] = decodeXml(attributes[key]!)
        const element: RawElement = { tag, attributes: decoded, children: [] }
        open[open.length - 1]!.children.push(element)
        open.push(element)
      },
      onclosetag() {
        if (open.length > 1) open.pop()
      },
      ontext(text) {
        open[open.length - 1]!.children.push(inCdata ? text : decodeXml(text))
      },
      oncdatastart() {
        inCdata = true
      },
      oncdataend() {
        inCdata = false
      },
    },
    { xmlMode: true, decodeEntities: false },
  )
  parser.end(xml)
  return new XmlElement(document, null)
}
