// Every integration kind by name, as node configs refer to them.
import { githubMergedPrsSource } from './github-merged-prs'
import { keywordFilter } from './keyword-filter'
import { marketDataSource } from './market-data'
import { notionSink } from './notion'
import { rssSource } from './rss'
import { slackSink } from './slack'
import { webScrapeSource } from './web-scrape'
import { webScraperSource } from './web-scraper'
import type { FilterKind, SinkKind, SourceKind } from './types'

export const SOURCE_KINDS: ReadonlyMap<string, SourceKind> = new Map<string, SourceKind>(
  [rssSource, webScrapeSource, webScraperSource, githubMergedPrsSource, marketDataSource].map((kind) => [kind.kind, kind]),
)

export const FILTER_KINDS: ReadonlyMap<string, FilterKind> = new Map<string, FilterKind>([[keywordFilter.kind, keywordFilter]])

export const SINK_KINDS: ReadonlyMap<string, SinkKind> = new Map<string, SinkKind>([slackSink, notionSink].map((kind) => [kind.kind, kind]))

function lookUp<T>(kinds: ReadonlyMap<string, T>, kind: string, what: string): T {
  const found = kinds.get(kind)
  if (!found) throw new Error(`unknown ${what} kind: ${kind}`)
  return found
}

export function sourceKind(kind: string): SourceKind {
  return lookUp(SOURCE_KINDS, kind, 'source')
}

export function filterKind(kind: string): FilterKind {
  return lookUp(FILTER_KINDS, kind, 'filter')
}

export function sinkKind(kind: string): SinkKind {
  return lookUp(SINK_KINDS, kind, 'sink')
}
