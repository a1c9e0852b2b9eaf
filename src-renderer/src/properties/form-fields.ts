// Which inputs a node's form shows, in order: the catalogue's config_schema, plus the fields the
// server reads that the catalogue leaves out (contract §8.1: working_dir of executors and PR triggers).
import type { ConfigField, FlowNode, NodeKind } from '../../../src-main/contract/api'
import { asConfig } from './config-values'
import { KEYWORD_FIELDS } from './config-rules'

export type Control =
  | 'text' | 'url' | 'number' | 'boolean' | 'select' | 'list' | 'repos'
  | 'secret' | 'cron' | 'directory' | 'prompt' | 'multiline' | 'permissions' | 'permission-mode'

export interface FieldSpec {
  name: string
  label: string
  control: Control
  hint?: string
  required: boolean
  defaultValue?: unknown
  placeholder?: string
  options?: { value: string; label: string }[]
  /** What one row of a list is called ("keyword"), for buttons and screen readers. */
  itemName?: string
}

const LABELS: Record<string, string> = {
  schedule: 'Schedule (cron, UTC)', working_dir: 'Working directory', poll_interval: 'Poll interval (seconds)',
  skip_drafts: 'Skip draft pull requests', review_on_push: 'Review again on every push', max_diff_size: 'Max inline diff size (bytes)',
  repos: 'Repositories', path: 'Path', limit: 'Max items', keywords: 'Keywords', since_days: 'Days to look back', base_url: 'Base URL',
  items_selector: 'Item selector', title_selector: 'Title selector', url_selector: 'Link selector',
  summary_selector: 'Summary selector', date_selector: 'Date selector', date_format: 'Date format',
  require_all: 'Require all keywords', field: 'Match in', prompt: 'Prompt', permissions: 'Allowed tools', permission_mode: 'Tool permissions',
  append_system_prompt: 'System prompt (appended)', channel: 'Channel', database_id: 'Database ID',
}

const SECRET_EXAMPLES: Record<string, string> = { webhook_url_env: 'SLACK_WEBHOOK_URL', bot_token_env: 'SLACK_BOT_TOKEN', token_env: 'NOTION_TOKEN' }
const SECRET_THINGS: Record<string, string> = { webhook_url_env: 'the webhook URL', bot_token_env: 'the bot token', token_env: 'the Notion token' }

const PLACEHOLDERS: Record<string, string> = {
  schedule: '0 7 * * *', path: 'digest', url: 'https://example.com/feed.xml', base_url: 'https://example.com',
  items_selector: 'article', title_selector: 'h2', url_selector: 'a', summary_selector: 'p', date_selector: 'time',
  date_format: '%Y-%m-%d', channel: '#news', database_id: '32 hexadecimal characters', working_dir: 'server working directory',
}

// Plainer help than the catalogue's description where that only repeats the label ('' = none).
const HINTS: Record<string, string> = {
  poll_interval: '', max_diff_size: 'Larger diffs are split into files the review reads from disk.',
  require_all: 'Off: one matching keyword is enough.', channel: 'e.g. #news; needed when a bot token is used.',
  path: 'The webhook receives POSTs at /api/webhooks/<path>; the body is {{webhook_payload}}.',
}

const ITEM_NAMES: Record<string, string> = { keywords: 'keyword', repos: 'repository', permissions: 'tool' }

const humanize = (name: string): string => {
  const words = name.replaceAll('_', ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function controlFor(node: FlowNode, name: string, type: ConfigField['type']): Control {
  if (name.endsWith('_env')) return 'secret'
  if (node.kind === 'cron' && name === 'schedule') return 'cron'
  if (node.kind === 'github-pr' && name === 'repos') return 'repos'
  if (node.kind === 'keyword' && name === 'field') return 'select'
  if (name === 'url' || name === 'base_url') return 'url'
  if (name === 'working_dir') return 'directory'
  if (type === 'array') return 'list'
  if (type === 'number') return 'number'
  if (type === 'boolean') return 'boolean'
  return 'text'
}

function spec(node: FlowNode, name: string, field: ConfigField): FieldSpec {
  const control = controlFor(node, name, field.type)
  const secretThing = SECRET_THINGS[name] ?? humanize(name.replace(/_env$/, '')).toLowerCase()
  const label = control === 'secret' ? `Environment variable holding ${secretThing}` : (LABELS[name] ?? humanize(name))
  const urlLabel = name === 'url' ? (node.kind === 'rss' ? 'Feed URL' : 'Page URL') : label
  const result: FieldSpec = {
    name,
    label: urlLabel,
    control,
    required: field.required === true,
    defaultValue: field.default,
    placeholder: control === 'secret' ? (SECRET_EXAMPLES[name] ?? 'ENV_VAR_NAME') : PLACEHOLDERS[name],
    itemName: ITEM_NAMES[name] ?? 'entry',
  }
  const hint = HINTS[name] ?? field.description
  if (hint && hint !== result.label) result.hint = hint
  if (control === 'select') {
    result.options = KEYWORD_FIELDS.map((value) => ({ value, label: value === 'title_or_summary' ? 'Title or summary' : humanize(value) }))
  }
  return result
}

// Any executor kind is Claude Code (§8.1), so its form does not depend on the catalogue.
const EXECUTOR_SCHEMA: Record<string, ConfigField> = {
  prompt: { type: 'string', required: true },
  working_dir: { type: 'string' },
  permission_mode: { type: 'string' },
  permissions: { type: 'array', default: [] },
  append_system_prompt: { type: 'string' },
}

/** Without a catalogue entry, show what is stored, typed by its value. */
function inferredSchema(config: Record<string, unknown>): Record<string, ConfigField> {
  const schema: Record<string, ConfigField> = {}
  for (const [name, value] of Object.entries(config)) {
    if (typeof value === 'number') schema[name] = { type: 'number' }
    else if (typeof value === 'boolean') schema[name] = { type: 'boolean' }
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) schema[name] = { type: 'array' }
    else if (typeof value === 'string') schema[name] = { type: 'string' }
  }
  return schema
}

export function formFields(node: FlowNode, kind: NodeKind | undefined): FieldSpec[] {
  if (node.node_type === 'executor') {
    return Object.entries(EXECUTOR_SCHEMA).map(([name, field]) => {
      const base = spec(node, name, field)
      if (name === 'prompt') return { ...base, control: 'prompt' }
      if (name === 'permissions') return { ...base, control: 'permissions' }
      if (name === 'permission_mode') return { ...base, control: 'permission-mode' }
      if (name === 'append_system_prompt') return { ...base, control: 'multiline' }
      return base
    })
  }
  const schema = { ...(kind?.config_schema ?? inferredSchema(asConfig(node.config))) }
  if (node.kind === 'github-pr' && !('working_dir' in schema)) {
    schema.working_dir = { type: 'string', description: 'Directory the review runs in (PR runs use it before the executor’s own)' }
  }
  return Object.entries(schema).map(([name, field]) => spec(node, name, field))
}
