// The seams between the runner and the outside world: sources fetch items,
// filters narrow them, sinks deliver an executor's output. Each kind lives in
// its own module and is registered in ./registry.ts.
import type { Logger } from '../log'

/** One fetched thing (a feed entry, a page, a pull request). */
export interface Item {
  title: string
  url: string
  summary: string
  published: Date | null
  imageUrl: string | null
}

/** Where the external services are; every base URL can be pointed at a local server. */
export interface ServiceUrls {
  github: string
  slack: string
  notion: string
  coingecko: string
  fearGreed: string
  cnnFearGreed: string
  yahooFinance: string
}

export interface IntegrationContext {
  env: NodeJS.ProcessEnv
  urls: ServiceUrls
  log: Logger
  now: () => Date
}

/** A source kind: `parse` checks the node config before any node runs (throws an Error with the contract's message). */
export interface SourceKind<Config = unknown> {
  kind: string
  parse(config: unknown): Config
  fetch(config: Config, context: IntegrationContext): Promise<Item[]>
}

export interface FilterKind<Config = unknown> {
  kind: string
  parse(config: unknown): Config
  apply(config: Config, items: Item[]): Item[]
}

/** A sink kind: `resolve` parses the config and looks up its env vars (throws before delivery starts). */
export interface SinkKind<Target = unknown> {
  kind: string
  resolve(config: unknown, env: NodeJS.ProcessEnv): Target
  deliver(target: Target, text: string, context: IntegrationContext): Promise<void>
}

export function serviceUrls(env: NodeJS.ProcessEnv): ServiceUrls {
  return {
    github: env.SHOGGOTH_GITHUB_API_URL || 'https://api.github.com',
    slack: env.SHOGGOTH_SLACK_API_URL || 'https://slack.com/api',
    notion: env.SHOGGOTH_NOTION_API_URL || 'https://api.notion.com/v1',
    coingecko: env.SHOGGOTH_COINGECKO_URL || 'https://api.coingecko.com/api/v3',
    fearGreed: env.SHOGGOTH_FEAR_GREED_URL || 'https://api.alternative.me',
    cnnFearGreed: env.SHOGGOTH_CNN_FEAR_GREED_URL || 'https://production.dataviz.cnn.io',
    yahooFinance: env.SHOGGOTH_YAHOO_FINANCE_URL || 'https://query1.finance.yahoo.com',
  }
}
