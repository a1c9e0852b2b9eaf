// Readable text out of HTML: what a person would read, without scripts, styles
// or markup, on one line.
import type { CheerioAPI } from 'cheerio'
import { cheerio } from './cheerio-lazy'

const HIDDEN = 'script, style, noscript, template, svg, iframe, head'
// Elements that end a line in a browser; without a separator their texts would run together.
const BREAKING = 'address, article, aside, blockquote, br, dd, div, dl, dt, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, td, th, tr, ul'

export function collapseWhitespace(text: string): string {
  // Most text has single spaces only: then trimming is all there is to do (no copy per item).
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim()
}

/** The visible text of a loaded document (the body when there is one). */
export function visibleText($: CheerioAPI): string {
  $(HIDDEN).remove()
  $(BREAKING).after(' ')
  const body = $('body')
  return collapseWhitespace(body.length > 0 ? body.text() : $.root().text())
}

/** Text of an HTML fragment such as a feed entry's description. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html)
  return visibleText(cheerio().load(html, null, false))
}
