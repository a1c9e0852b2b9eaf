import { describe, expect, it } from 'vitest'
import type { FlowNode, NodeKind, NodeType } from '../../src-main/contract/api'
import { configProblems, configSummary } from '../../src-renderer/src/properties/config-rules'
import { describeCron } from '../../src-renderer/src/properties/cron-describe'
import { envNameProblem } from '../../src-renderer/src/properties/validators'

const TYPES: Record<string, NodeType> = {
  cron: 'trigger', 'github-pr': 'trigger', webhook: 'trigger', manual: 'trigger',
  rss: 'source', 'web-scrape': 'source', 'github-merged-prs': 'source', 'web-scraper': 'source', 'market-data': 'source',
  keyword: 'filter', 'claude-code': 'executor', slack: 'sink', notion: 'sink',
}

function node(kind: string, config: unknown, nodeType: NodeType = TYPES[kind] ?? 'source'): FlowNode {
  return { id: 'n1', node_type: nodeType, kind, config, position: { x: 0, y: 0 }, label: kind }
}

const problems = (kind: string, config: unknown) => configProblems(node(kind, config), undefined)

describe('configProblems', () => {
  it('cron: requires a five-field schedule', () => {
    expect(Object.keys(problems('cron', {}))).toEqual(['schedule'])
    expect(problems('cron', { schedule: '0 7 * * *' })).toEqual({})
    expect(problems('cron', { schedule: '@daily' })).toEqual({})
    expect(problems('cron', { schedule: '0 0 7 * * *' }).schedule).toMatch(/five fields/)
    expect(problems('cron', { schedule: '0 7 * *' }).schedule).toMatch(/found 4/)
    expect(problems('cron', { schedule: '@often' }).schedule).toMatch(/nickname/)
  })

  it('github-pr: repos as owner/repo objects, counts', () => {
    expect(problems('github-pr', {}).repos).toMatch(/at least one/)
    expect(problems('github-pr', { repos: [{ slug: 'a/b', path: '.' }] })).toEqual({})
    expect(problems('github-pr', { repos: [{ slug: 'a/b' }, { slug: 'nope', path: '.' }] })).toEqual({ 'repos.1': 'Use the form owner/repo.' })
    expect(problems('github-pr', { repos: [{ slug: 'a/b' }], poll_interval: 0 }).poll_interval).toMatch(/at least 1/)
    expect(problems('github-pr', { repos: [{ slug: 'a/b' }], max_diff_size: 1.5 }).max_diff_size).toMatch(/whole/)
  })

  it('webhook needs a path; manual and market-data need nothing', () => {
    expect(Object.keys(problems('webhook', {}))).toEqual(['path'])
    expect(problems('webhook', { path: 'hooks/digest' })).toEqual({})
    expect(problems('webhook', { path: 'a b' }).path).toMatch(/letters/)
    expect(problems('manual', {})).toEqual({})
    expect(problems('market-data', {})).toEqual({})
  })

  it('rss: URL required and http(s), limit at least 1, no blank keywords', () => {
    expect(problems('rss', {}).url).toMatch(/feed URL/)
    expect(problems('rss', { url: 'https://example.com/feed.xml', limit: 10, keywords: ['ai'] })).toEqual({})
    expect(problems('rss', { url: 'example.com' }).url).toMatch(/Not a URL/)
    expect(problems('rss', { url: 'ftp://example.com/x' }).url).toMatch(/http/)
    expect(problems('rss', { url: 'https://x.org', limit: -1 }).limit).toMatch(/at least 1/)
    expect(problems('rss', { url: 'https://x.org', limit: '10' }).limit).toMatch(/number/)
    expect(problems('rss', { url: 'https://x.org', keywords: ['ai', ' '] })).toEqual({ 'keywords.1': expect.stringMatching(/Empty/) })
  })

  it('web-scrape and web-scraper', () => {
    expect(Object.keys(problems('web-scrape', {}))).toEqual(['url'])
    expect(Object.keys(problems('web-scraper', {})).sort()).toEqual(['items_selector', 'url'])
    expect(problems('web-scraper', { url: 'https://x.org', items_selector: 'article', base_url: 'nope' }).base_url).toMatch(/URL/)
    expect(problems('web-scraper', { url: 'https://x.org', items_selector: 'article', limit: 5 })).toEqual({})
  })

  it('github-merged-prs: at least one owner/repo', () => {
    expect(problems('github-merged-prs', { repos: [] }).repos).toMatch(/at least one/)
    expect(problems('github-merged-prs', { repos: ['a/b', 'c'] })).toEqual({ 'repos.1': 'Use the form owner/repo.' })
    expect(problems('github-merged-prs', { repos: ['a/b'], since_days: -2 }).since_days).toMatch(/negative/)
  })

  it('keyword: at least one keyword, field one of three', () => {
    expect(problems('keyword', {}).keywords).toMatch(/at least one/)
    expect(problems('keyword', { keywords: [] }).keywords).toMatch(/at least one/)
    expect(problems('keyword', { keywords: ['ai'], field: 'summary', require_all: true })).toEqual({})
    expect(problems('keyword', { keywords: ['ai'], field: 'body' }).field).toMatch(/title/)
  })

  it('executor (any kind): prompt required, permissions not blank', () => {
    expect(Object.keys(problems('claude-code', {}))).toEqual(['prompt'])
    expect(problems('claude-code', { prompt: 'Summarise {{content}}', permissions: ['Read'], append_system_prompt: null })).toEqual({})
    expect(configProblems(node('claude-api', { prompt: '  ' }, 'executor'), undefined).prompt).toBeDefined()
    expect(problems('claude-code', { prompt: 'x', permissions: [''] })['permissions.0']).toBeDefined()
    expect(problems('claude-code', { prompt: 'x', working_dir: 3 }).working_dir).toMatch(/text/)
    expect(problems('claude-code', { prompt: 'x', permission_mode: 'ask' })).toEqual({})
    expect(problems('claude-code', { prompt: 'x', permission_mode: '' })).toEqual({})
    expect(problems('claude-code', { prompt: 'x', permission_mode: 'yolo' }).permission_mode).toMatch(/treated as Ask/)
  })

  it('slack: one of the two variables, channel with a bot token, names not secrets', () => {
    expect(Object.keys(problems('slack', {}))).toEqual(['webhook_url_env'])
    expect(problems('slack', { webhook_url_env: 'SLACK_WEBHOOK_URL' })).toEqual({})
    expect(problems('slack', { bot_token_env: 'SLACK_BOT_TOKEN' }).channel).toMatch(/bot token/)
    expect(problems('slack', { bot_token_env: 'SLACK_BOT_TOKEN', channel: '#news' })).toEqual({})
    expect(problems('slack', { webhook_url_env: 'https://hooks.slack.com/services/T0/B0/x' }).webhook_url_env).toMatch(/URL/)
    expect(problems('slack', { bot_token_env: 'xoxb-1234-abcd', channel: '#a' }).bot_token_env).toMatch(/secret/)
    expect(problems('slack', { webhook_url_env: '1BAD' }).webhook_url_env).toMatch(/variable name/)
  })

  it('notion: token variable and a database ID', () => {
    expect(Object.keys(problems('notion', {})).sort()).toEqual(['database_id', 'token_env'])
    expect(problems('notion', { token_env: 'NOTION_TOKEN', database_id: '0123456789abcdef0123456789abcdef' })).toEqual({})
    expect(problems('notion', { token_env: 'NOTION_TOKEN', database_id: 'https://notion.so/x/abc' }).database_id).toMatch(/not its URL/)
    expect(problems('notion', { token_env: 'secret_abcdefghijklmnop1234', database_id: '01234567-89ab-cdef-0123-456789abcdef' }).token_env).toMatch(/secret/)
  })

  it('unknown kinds: sources, filters and sinks fail the run, triggers and executors do not', () => {
    expect(configProblems(node('ftp', {}, 'source'), undefined).kind).toMatch(/Unknown source kind "ftp"/)
    expect(configProblems(node('carrier-pigeon', {}, 'trigger'), undefined)).toEqual({})
  })

  it('applies the catalogue schema to kinds it does not know by name', () => {
    const kind: NodeKind = {
      kind: 'teams', node_type: 'sink', label: 'Teams',
      config_schema: { channel: { type: 'string', required: true }, retries: { type: 'number' }, loud: { type: 'boolean' }, tags: { type: 'array' } },
    }
    const result = configProblems(node('teams', { retries: 'x', loud: 'yes', tags: 'a' }, 'sink'), kind)
    expect(result).toEqual({ channel: 'Required.', retries: 'Must be a number.', loud: 'Must be on or off.', tags: 'Must be a list.' })
  })

  it('reads a non-object config as empty', () => {
    expect(Object.keys(configProblems(node('rss', null), undefined))).toEqual(['url'])
    expect(Object.keys(configProblems(node('rss', 'x'), undefined))).toEqual(['url'])
  })
})

describe('envNameProblem', () => {
  it('accepts names and refuses values', () => {
    expect(envNameProblem('SLACK_WEBHOOK_URL')).toBeNull()
    expect(envNameProblem('_x1')).toBeNull()
    expect(envNameProblem('')).toBeNull()
    expect(envNameProblem('ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toMatch(/secret/)
    expect(envNameProblem('MY-VAR')).toMatch(/letters, digits/)
  })
})

describe('describeCron', () => {
  it.each([
    ['0 7 * * *', 'every day at 07:00 UTC'],
    ['30 7,19 * * *', 'every day at 07:30, 19:30 UTC'],
    ['0 9 * * 1-5', 'weekdays at 09:00 UTC'],
    ['0 9 * * 1', 'every Monday at 09:00 UTC'],
    ['0 9 * * 0,6', 'weekends at 09:00 UTC'],
    ['0 6 1 * *', 'every month on day 1 at 06:00 UTC'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['* * * * *', 'every minute'],
    ['5 * * * *', 'every hour at :05'],
    ['0 */2 * * *', 'every 2 hours at :00'],
    ['@daily', 'every day at 00:00 UTC'],
    ['0 9 1-7 * 1', 'cron 0 9 1-7 * 1'],
    ['', 'no schedule set'],
  ])('%s → %s', (expression, words) => {
    expect(describeCron(expression)).toBe(words)
  })
})

describe('configSummary', () => {
  const summary = (kind: string, config: unknown, nodeType?: NodeType) => configSummary(node(kind, config, nodeType))

  it('says what each kind does in one line', () => {
    expect(summary('cron', { schedule: '0 7 * * *' })).toBe('every day at 07:00 UTC')
    expect(summary('github-pr', { repos: [{ slug: 'a/b' }, { slug: 'c/d' }], poll_interval: 120 })).toBe('a/b +1 · every 120 s')
    expect(summary('webhook', { path: '/digest' })).toBe('POST /api/webhooks/digest')
    expect(summary('manual', {})).toBe('run by hand')
    expect(summary('rss', { url: 'https://example.com/news/feed.xml', keywords: ['ai', 'rust'] })).toBe('https://…/feed.xml · 10 items · keywords: ai, rust')
    expect(summary('web-scrape', { url: 'https://example.com' })).toBe('https://example.com')
    expect(summary('github-merged-prs', { repos: ['a/b'] })).toBe('a/b · last 7 days')
    expect(summary('web-scraper', { url: 'https://x.org/blog', items_selector: 'article', limit: 5 })).toBe('https://…/blog · article · 5 items')
    expect(summary('market-data', {})).toMatch(/market_data/)
    expect(summary('keyword', { keywords: ['ai', 'rust'] })).toBe('keywords: ai, rust')
    expect(summary('keyword', { keywords: ['ai'], require_all: true, field: 'title' })).toBe('all of: ai · in title')
    expect(summary('claude-code', { prompt: '\n  Summarise the news.\nMore.' })).toBe('Summarise the news.')
    expect(summary('slack', { bot_token_env: 'SLACK_BOT_TOKEN', channel: '#news' })).toBe('#news via $SLACK_BOT_TOKEN')
    expect(summary('slack', { webhook_url_env: 'HOOK' })).toBe('webhook via $HOOK')
    expect(summary('notion', { database_id: 'abc' })).toBe('database abc')
  })

  it('says what is missing and keeps to one short line', () => {
    expect(summary('rss', {})).toBe('no URL · 10 items')
    expect(summary('claude-code', {})).toBe('no prompt')
    expect(summary('slack', {})).toBe('not configured')
    expect(summary('keyword', {})).toBe('no keywords')
    const long = summary('claude-code', { prompt: 'x'.repeat(200) })
    expect(long.length).toBe(80)
    expect(long.endsWith('…')).toBe(true)
    expect(summary('teams', {}, 'sink')).toBe('teams')
  })
})
