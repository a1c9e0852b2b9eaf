// One reader per market-data service. Each returns the lines it contributes to
// the snapshot, or throws; the snapshot keeps whatever succeeded.
import { z } from 'zod'
import { requestJson } from './http'
import type { ServiceUrls } from './types'

export interface QuoteSource {
  name: string
  read(urls: ServiceUrls, signal: AbortSignal): Promise<string[]>
}

const REQUEST_MS = 10_000

const money = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const percent = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}%`
const changeText = (change: number | null | undefined) => (typeof change === 'number' ? ` (24h ${percent(change)})` : '')

async function getParsed<T>(url: string, schema: z.ZodType<T>, signal: AbortSignal, name: string): Promise<T> {
  const json = await requestJson(url, { timeoutMs: REQUEST_MS, signal, headers: { accept: 'application/json' } })
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new Error(`${name} gave an unexpected answer`)
  return parsed.data
}

const coin = z.object({ usd: z.number(), usd_24h_change: z.number().nullish() })
const cryptoPrices: QuoteSource = {
  name: 'CoinGecko',
  async read(urls, signal) {
    const data = await getParsed(`${urls.coingecko}/simple/price?ids=bitcoin,ethereum&vs_currencies=usd&include_24hr_change=true`, z.object({ bitcoin: coin.optional(), ethereum: coin.optional() }), signal, 'CoinGecko')
    const lines: string[] = []
    if (data.bitcoin) lines.push(`BTC: $${money(data.bitcoin.usd)}${changeText(data.bitcoin.usd_24h_change)}`)
    if (data.ethereum) lines.push(`ETH: $${money(data.ethereum.usd)}${changeText(data.ethereum.usd_24h_change)}`)
    if (lines.length === 0) throw new Error('CoinGecko returned no prices')
    return lines
  },
}

const cryptoFearGreed: QuoteSource = {
  name: 'alternative.me',
  async read(urls, signal) {
    const schema = z.object({ data: z.array(z.object({ value: z.union([z.string(), z.number()]), value_classification: z.string().nullish() })).min(1) })
    const [latest] = (await getParsed(`${urls.fearGreed}/fng/?limit=1`, schema, signal, 'alternative.me')).data
    if (!latest) return []
    return [`Crypto Fear & Greed Index: ${latest.value}/100${latest.value_classification ? ` (${latest.value_classification})` : ''}`]
  },
}

const cnnFearGreed: QuoteSource = {
  name: 'CNN',
  async read(urls, signal) {
    const schema = z.object({ fear_and_greed: z.object({ score: z.number(), rating: z.string().nullish() }) })
    const { score, rating } = (await getParsed(`${urls.cnnFearGreed}/index/fearandgreed/graphdata`, schema, signal, 'CNN')).fear_and_greed
    return [`CNN Fear & Greed Index (stocks): ${Math.round(score)}/100${rating ? ` (${rating})` : ''}`]
  },
}

const sp500: QuoteSource = {
  name: 'Yahoo Finance',
  async read(urls, signal) {
    const meta = z.object({ regularMarketPrice: z.number(), chartPreviousClose: z.number().nullish(), previousClose: z.number().nullish() })
    const schema = z.object({ chart: z.object({ result: z.array(z.object({ meta })).min(1) }) })
    const [result] = (await getParsed(`${urls.yahooFinance}/v8/finance/chart/%5EGSPC?interval=1d&range=1d`, schema, signal, 'Yahoo Finance')).chart.result
    if (!result) return []
    const { regularMarketPrice: price } = result.meta
    // With a one-day range both fields are the last session's close.
    const previous = result.meta.previousClose ?? result.meta.chartPreviousClose
    return [`S&P 500: ${money(price)}${previous ? ` (1d ${percent(((price - previous) / previous) * 100)})` : ''}`]
  },
}

export const QUOTE_SOURCES: readonly QuoteSource[] = [cryptoPrices, cryptoFearGreed, cnnFearGreed, sp500]
