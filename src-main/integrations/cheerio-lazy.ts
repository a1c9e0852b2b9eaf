// cheerio, with the HTTP client and HTML5 parser it brings along, takes about a
// fifth of a second to load. Only sources and sinks that read web pages need
// it, so it is loaded on first use instead of delaying every start.
import { createRequire } from 'node:module'

type CheerioModule = typeof import('cheerio')

let loaded: CheerioModule | undefined

export function cheerio(): CheerioModule {
  loaded ??= createRequire(import.meta.url)('cheerio') as CheerioModule
  return loaded
}
