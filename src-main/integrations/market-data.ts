// The `{{market_data}}` template variable: a short text snapshot of crypto and
// stock market figures. Partial data is fine; nothing at all gives the fixed
// "unavailable" text, so a prompt never fails because a market API is down.
import { QUOTE_SOURCES, type QuoteSource } from './market-quotes'
import type { IntegrationContext, SourceKind } from './types'

export const MARKET_DATA_UNAVAILABLE = 'Market data unavailable.'
const OVERALL_MS = 15_000

export async function fetchMarketSnapshot(context: IntegrationContext, sources: readonly QuoteSource[] = QUOTE_SOURCES, overallMs = OVERALL_MS): Promise<string> {
  const overall = AbortSignal.timeout(overallMs)
  const settled = await Promise.allSettled(sources.map((source) => source.read(context.urls, overall)))
  const lines: string[] = []
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') lines.push(...outcome.value)
    else context.log.warn(`market data from ${sources[index]?.name ?? 'a source'} unavailable: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`)
  })
  if (lines.length === 0) return MARKET_DATA_UNAVAILABLE
  return [`Market snapshot (${context.now().toISOString().slice(0, 16).replace('T', ' ')} UTC):`, ...lines.map((line) => `- ${line}`)].join('\n')
}

/** As a source node it yields nothing: the runner skips it, the template variable carries the data. */
export const marketDataSource: SourceKind<null> = {
  kind: 'market-data',
  parse: () => null,
  fetch: async () => [],
}
