// The catalogue of node kinds served by GET /api/node-types (§8.2): 13 kinds,
// in this order. The canvas palette groups them by node_type.
import type { NodeKind } from '../contract/api'

export const NODE_KINDS: readonly NodeKind[] = [
  {
    kind: 'cron',
    node_type: 'trigger',
    label: 'Cron Schedule',
    config_schema: {
      schedule: { type: 'string', description: 'Cron expression (5-field)', required: true },
      working_dir: { type: 'string', description: 'Working directory', default: '.' },
    },
  },
  {
    kind: 'github-pr',
    node_type: 'trigger',
    label: 'GitHub PR',
    config_schema: {
      repos: { type: 'array', description: 'Repository configs [{slug, path}]', required: true },
      poll_interval: { type: 'number', description: 'Poll interval in seconds', default: 60 },
      skip_drafts: { type: 'boolean', default: true },
      review_on_push: { type: 'boolean', default: false },
      max_diff_size: { type: 'number', description: 'Max inline diff size in bytes', default: 50000 },
    },
  },
  {
    kind: 'webhook',
    node_type: 'trigger',
    label: 'Webhook',
    config_schema: { path: { type: 'string', description: 'Webhook URL path', required: true } },
  },
  { kind: 'manual', node_type: 'trigger', label: 'Manual Trigger', config_schema: {} },
  {
    kind: 'rss',
    node_type: 'source',
    label: 'RSS Feed',
    config_schema: {
      url: { type: 'string', description: 'Feed URL', required: true },
      limit: { type: 'number', description: 'Max items to fetch', default: 10 },
      keywords: { type: 'array', description: 'Filter items by keywords (case-insensitive, any match)', default: [] },
    },
  },
  {
    kind: 'web-scrape',
    node_type: 'source',
    label: 'Web Scrape',
    config_schema: {
      url: { type: 'string', description: 'Page URL to scrape', required: true },
      keywords: { type: 'array', description: 'Filter by keywords (case-insensitive, any match)', default: [] },
    },
  },
  {
    kind: 'github-merged-prs',
    node_type: 'source',
    label: 'GitHub Merged PRs',
    config_schema: {
      repos: { type: 'array', description: 'Repository slugs ["owner/repo"]', required: true },
      since_days: { type: 'number', description: 'Days to look back', default: 7 },
    },
  },
  {
    kind: 'web-scraper',
    node_type: 'source',
    label: 'Web Scraper (CSS)',
    config_schema: {
      url: { type: 'string', description: 'Page URL to scrape', required: true },
      base_url: { type: 'string', description: 'Base URL for resolving relative links' },
      items_selector: { type: 'string', description: 'CSS selector for item containers', required: true },
      title_selector: { type: 'string', description: 'CSS selector for title within item' },
      url_selector: { type: 'string', description: 'CSS selector for link within item' },
      summary_selector: { type: 'string', description: 'CSS selector for summary within item' },
      date_selector: { type: 'string', description: 'CSS selector for date within item' },
      date_format: { type: 'string', description: 'Date format string (e.g. %Y-%m-%d)' },
      limit: { type: 'number', description: 'Max items to extract', default: 10 },
    },
  },
  { kind: 'market-data', node_type: 'source', label: 'Market Data', config_schema: {} },
  {
    kind: 'keyword',
    node_type: 'filter',
    label: 'Keyword Filter',
    config_schema: {
      keywords: { type: 'array', description: 'Keywords to match (case-insensitive)', required: true },
      require_all: { type: 'boolean', description: 'Require all keywords to match', default: false },
      field: { type: 'string', description: 'Field to match: title, summary, or title_or_summary', default: 'title_or_summary' },
    },
  },
  {
    kind: 'claude-code',
    node_type: 'executor',
    label: 'Claude Code',
    config_schema: {
      prompt: { type: 'string', description: 'Prompt file path or inline prompt', required: true },
      permissions: { type: 'array', description: 'Tool permissions (e.g. Bash, Read)', default: [] },
      append_system_prompt: { type: 'string', description: "Additional system prompt appended to Claude's instructions" },
    },
  },
  {
    kind: 'slack',
    node_type: 'sink',
    label: 'Slack',
    config_schema: {
      webhook_url_env: { type: 'string', description: 'Env var for webhook URL' },
      bot_token_env: { type: 'string', description: 'Env var for bot token' },
      channel: { type: 'string', description: 'Channel name (required with bot_token_env)' },
    },
  },
  {
    kind: 'notion',
    node_type: 'sink',
    label: 'Notion',
    config_schema: {
      token_env: { type: 'string', description: 'Env var for Notion token', required: true },
      database_id: { type: 'string', description: 'Notion database ID', required: true },
    },
  },
]
