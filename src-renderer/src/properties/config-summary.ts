// One line per node for the canvas: what it does, at a glance.
import type { FlowNode } from '../../../src-main/contract/api'
import { asConfig, repoList, stringList, text } from './config-values'
import { describeCron } from './cron-describe'

const MAX = 80

function clip(line: string): string {
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line
}

/** "https://example.com/a/b/feed.xml" → "https://…/feed.xml": the scheme and the end say the most. */
export function shortUrl(value: string): string {
  const v = value.trim()
  try {
    const url = new URL(v)
    const last = url.pathname.split('/').filter(Boolean).at(-1)
    return last ? `${url.protocol}//…/${last}` : `${url.protocol}//${url.host}`
  } catch {
    return v
  }
}

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}

/** "a/b" or "a/b +2" for a list of repositories. */
function firstAndMore(items: string[]): string {
  if (items.length === 0) return 'no repositories'
  return items.length === 1 ? (items[0] ?? '') : `${items[0] ?? ''} +${items.length - 1}`
}

function keywordsPart(value: unknown): string {
  const words = stringList(value).filter((word) => word.trim() !== '')
  return words.length > 0 ? `keywords: ${words.join(', ')}` : ''
}

function joinParts(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' · ')
}

function urlOrMissing(value: unknown): string {
  return text(value).trim() === '' ? 'no URL' : shortUrl(text(value))
}

function firstLine(value: string): string {
  return value.split('\n').find((line) => line.trim() !== '')?.trim() ?? ''
}

export function configSummary(node: FlowNode): string {
  const c = asConfig(node.config)
  if (node.node_type === 'executor') {
    const prompt = text(c.prompt)
    return clip(firstLine(prompt) || 'no prompt')
  }
  switch (node.kind) {
    case 'cron':
      return clip(describeCron(text(c.schedule)))
    case 'github-pr':
      return clip(joinParts(firstAndMore(repoList(c.repos).map((repo) => repo.slug)), `every ${count(c.poll_interval, 60)} s`))
    case 'webhook':
      return clip(text(c.path).trim() === '' ? 'no path' : `POST /api/webhooks/${text(c.path).trim().replace(/^\/+/, '')}`)
    case 'manual':
      return 'run by hand'
    case 'rss':
      return clip(joinParts(urlOrMissing(c.url), `${count(c.limit, 10)} items`, keywordsPart(c.keywords)))
    case 'web-scrape':
      return clip(joinParts(urlOrMissing(c.url), keywordsPart(c.keywords)))
    case 'github-merged-prs':
      return clip(joinParts(firstAndMore(stringList(c.repos)), `last ${count(c.since_days, 7)} days`))
    case 'web-scraper':
      return clip(joinParts(urlOrMissing(c.url), text(c.items_selector).trim(), `${count(c.limit, 10)} items`))
    case 'market-data':
      return 'prices and indices for {{market_data}}'
    case 'keyword': {
      const words = stringList(c.keywords).filter((word) => word.trim() !== '')
      if (words.length === 0) return 'no keywords'
      const field = typeof c.field === 'string' && c.field !== 'title_or_summary' ? `in ${c.field}` : ''
      return clip(joinParts(`${c.require_all === true ? 'all of' : 'keywords'}: ${words.join(', ')}`, field))
    }
    case 'slack':
      return clip(slackSummary(c))
    case 'notion':
      return clip(text(c.database_id).trim() === '' ? 'no database' : `database ${text(c.database_id).trim()}`)
    default:
      return clip(node.kind)
  }
}

function slackSummary(c: Record<string, unknown>): string {
  const bot = text(c.bot_token_env).trim()
  if (bot !== '') return `${text(c.channel).trim() || 'no channel'} via $${bot}`
  const hook = text(c.webhook_url_env).trim()
  return hook !== '' ? `webhook via $${hook}` : 'not configured'
}
