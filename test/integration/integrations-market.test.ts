import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fetchMarketSnapshot, MARKET_DATA_UNAVAILABLE } from '../../src-main/integrations/market-data'
import { QUOTE_SOURCES } from '../../src-main/integrations/market-quotes'
import { fakeContext } from '../fixtures/fake-context'
import { deadUrl } from '../fixtures/fake-http'
import { startFakeMarket, type FakeMarket } from '../fixtures/fake-market'

let market: FakeMarket
beforeAll(async () => {
  market = await startFakeMarket()
})
afterAll(() => market.close())
beforeEach(() => {
  market.down.clear()
  market.slow.clear()
})

const context = () => {
  const base = fakeContext()
  return { ...base, urls: market.urls(base.urls) }
}

describe('market snapshot over HTTP', () => {
  it('combines all four services', async () => {
    expect(await fetchMarketSnapshot(context())).toBe(
      [
        'Market snapshot (2026-06-10 12:34 UTC):',
        '- BTC: $97,123.46 (24h +1.23%)',
        '- ETH: $3,456.70 (24h -0.50%)',
        '- Crypto Fear & Greed Index: 72/100 (Greed)',
        '- CNN Fear & Greed Index (stocks): 55/100 (neutral)',
        '- S&P 500: 5,123.45 (1d +0.46%)',
      ].join('\n'),
    )
    const paths = market.requests.slice(-4).map((request) => request.path).sort()
    expect(paths).toEqual([
      '/cnn/index/fearandgreed/graphdata',
      '/coingecko/simple/price?ids=bitcoin,ethereum&vs_currencies=usd&include_24hr_change=true',
      '/fng/fng/?limit=1',
      '/yahoo/v8/finance/chart/%5EGSPC?interval=1d&range=1d',
    ])
  })

  it('keeps what it could get and logs the rest', async () => {
    market.down.add('coingecko').add('cnnFearGreed')
    const ctx = context()
    expect(await fetchMarketSnapshot(ctx)).toBe(['Market snapshot (2026-06-10 12:34 UTC):', '- Crypto Fear & Greed Index: 72/100 (Greed)', '- S&P 500: 5,123.45 (1d +0.46%)'].join('\n'))
    expect(ctx.log.lines.filter((line) => line.includes('market data from'))).toHaveLength(2)
  })

  it('says "Market data unavailable." when every service is down', async () => {
    market.down.add('coingecko').add('fearGreed').add('cnnFearGreed').add('yahooFinance')
    expect(await fetchMarketSnapshot(context())).toBe(MARKET_DATA_UNAVAILABLE)
  })

  it('says "Market data unavailable." when nothing listens', async () => {
    const dead = await deadUrl()
    const ctx = fakeContext({ urls: { coingecko: dead, fearGreed: dead, cnnFearGreed: dead, yahooFinance: dead } })
    expect(await fetchMarketSnapshot(ctx)).toBe('Market data unavailable.')
  })

  it('gives up on slow services when the overall limit is reached', async () => {
    market.slow.add('yahooFinance').add('coingecko')
    const answered = market.slowAnswers()
    const text = await fetchMarketSnapshot(context(), QUOTE_SOURCES, 300)
    // The snapshot came before either slow service answered (SLOW_MS).
    expect(market.slowAnswers()).toBe(answered)
    expect(text).toBe(['Market snapshot (2026-06-10 12:34 UTC):', '- Crypto Fear & Greed Index: 72/100 (Greed)', '- CNN Fear & Greed Index (stocks): 55/100 (neutral)'].join('\n'))
  })
})
