// Loads an HTML page for the scraping sources: a browser-like User-Agent, the
// 30 s limit, and the charset the page declares.
import type { CheerioAPI } from 'cheerio'
import { cheerio } from './cheerio-lazy'
import { request } from './http'

export async function loadPage(url: string, timeoutMs = 30_000): Promise<CheerioAPI> {
  const response = await request(url, { timeoutMs, headers: { accept: 'text/html, application/xhtml+xml, */*;q=0.8' } })
  const contentType = response.headers.get('content-type') ?? undefined
  return cheerio().loadBuffer(response.body, { encoding: { transportLayerEncodingLabel: charsetOf(contentType) } })
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset=["']?([\w-]+)/i)?.[1]
}
