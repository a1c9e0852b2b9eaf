// What is wrong with a node's config, field by field, as the server would see it at run
// time (contract §8.1). Pure: the property panel shows these at each field and the canvas
// badges a node when any exist. Row problems of a list use "<field>.<index>" keys.
import type { ConfigField, FlowNode, NodeKind } from '../../../src-main/contract/api'
import { asConfig, isBlank, repoList, stringList, text, type Config } from './config-values'
import { permissionModeProblem } from './permission-mode'
import { countProblem, cronShapeProblem, envNameProblem, repoSlugProblem, urlProblem } from './validators'

export { configSummary } from './config-summary'

type Add = (field: string, message: string) => void
type KindRule = (config: Config, add: Add) => void

export const KEYWORD_FIELDS = ['title', 'summary', 'title_or_summary'] as const

function requireText(config: Config, field: string, message: string, add: Add): void {
  if (isBlank(config[field])) add(field, message)
}

function checkUrl(config: Config, field: string, add: Add): void {
  const problem = urlProblem(text(config[field]))
  if (problem) add(field, problem)
}

function checkCount(config: Config, field: string, min: number, add: Add): void {
  const problem = countProblem(config[field], min)
  if (problem) add(field, problem)
}

/** Blank rows in a list of strings: an empty keyword would match every item. */
function checkRows(config: Config, field: string, add: Add, check: (row: string) => string | null = blankRow): void {
  stringList(config[field]).forEach((row, index) => {
    const problem = check(row)
    if (problem) add(`${field}.${index}`, problem)
  })
}

const blankRow = (row: string): string | null => (row.trim() === '' ? 'Empty entry: fill it in or remove it.' : null)

function checkRepoSlugs(config: Config, add: Add): void {
  const repos = config.repos
  if (!Array.isArray(repos) || repos.length === 0) add('repos', 'Add at least one repository (owner/repo).')
}

const RULES: Record<string, KindRule> = {
  cron(config, add) {
    requireText(config, 'schedule', 'Enter a cron expression, e.g. 0 7 * * * for every day at 07:00 UTC.', add)
    const problem = cronShapeProblem(text(config.schedule))
    if (problem) add('schedule', problem)
  },
  'github-pr'(config, add) {
    checkRepoSlugs(config, add)
    repoList(config.repos).forEach((repo, index) => {
      const problem = repoSlugProblem(repo.slug)
      if (problem) add(`repos.${index}`, problem)
    })
    checkCount(config, 'poll_interval', 1, add)
    checkCount(config, 'max_diff_size', 0, add)
  },
  webhook(config, add) {
    requireText(config, 'path', 'Enter the path this webhook listens on, e.g. digest.', add)
    const path = text(config.path).trim()
    if (path !== '' && !/^[A-Za-z0-9/_.~-]+$/.test(path)) add('path', 'Use letters, digits and - _ . ~ / only.')
  },
  rss(config, add) {
    requireText(config, 'url', 'Enter the feed URL.', add)
    checkUrl(config, 'url', add)
    checkCount(config, 'limit', 1, add)
    checkRows(config, 'keywords', add)
  },
  'web-scrape'(config, add) {
    requireText(config, 'url', 'Enter the page URL.', add)
    checkUrl(config, 'url', add)
    checkRows(config, 'keywords', add)
  },
  'github-merged-prs'(config, add) {
    checkRepoSlugs(config, add)
    checkRows(config, 'repos', add, repoSlugProblem)
    checkCount(config, 'since_days', 0, add)
  },
  'web-scraper'(config, add) {
    requireText(config, 'url', 'Enter the page URL.', add)
    checkUrl(config, 'url', add)
    checkUrl(config, 'base_url', add)
    requireText(config, 'items_selector', 'Enter the CSS selector of one item, e.g. article.', add)
    checkCount(config, 'limit', 1, add)
  },
  keyword(config, add) {
    // The server allows an empty list, but then the filter drops (or keeps) everything: never what was meant.
    if (stringList(config.keywords).length === 0) add('keywords', 'Add at least one keyword.')
    checkRows(config, 'keywords', add)
    const field = config.field
    if (field !== undefined && !(KEYWORD_FIELDS as readonly unknown[]).includes(field)) add('field', 'Choose title, summary, or title or summary.')
  },
  slack(config, add) {
    if (isBlank(config.webhook_url_env) && isBlank(config.bot_token_env)) {
      add('webhook_url_env', 'Give a webhook URL variable or a bot token variable.')
    }
    if (!isBlank(config.bot_token_env) && isBlank(config.channel)) add('channel', 'Required with a bot token, e.g. #news.')
  },
  notion(config, add) {
    requireText(config, 'token_env', 'Enter the name of the environment variable holding the Notion token.', add)
    requireText(config, 'database_id', 'Enter the ID of the Notion database.', add)
    const id = text(config.database_id).trim()
    if (id.includes('/')) add('database_id', 'Enter the database ID, not its URL: the 32 characters at the end of the link.')
    else if (id !== '' && !/^[0-9a-f]{32}$/i.test(id.replaceAll('-', ''))) add('database_id', 'A Notion database ID is 32 hexadecimal characters.')
  },
}

// Any executor kind runs as Claude Code (contract §8.1).
const executorRule: KindRule = (config, add) => {
  requireText(config, 'prompt', 'Write the prompt, or give the path of a .md or .txt file.', add)
  checkRows(config, 'permissions', add)
  const mode = permissionModeProblem(config.permission_mode)
  if (mode) add('permission_mode', mode)
  const system = config.append_system_prompt
  if (system !== undefined && system !== null && typeof system !== 'string') add('append_system_prompt', 'Must be text.')
  if (config.working_dir !== undefined && typeof config.working_dir !== 'string') add('working_dir', 'Must be text.')
}

export const KNOWN_KINDS = new Set(Object.keys(RULES).concat('manual', 'market-data'))

/** Type and presence checks that follow from the catalogue's schema alone. */
function schemaProblem(value: unknown, field: ConfigField): string | null {
  if (field.type === 'array') {
    if (value === undefined || value === null) return field.required ? 'Required.' : null
    return Array.isArray(value) ? null : 'Must be a list.'
  }
  if (isBlank(value)) return field.required ? 'Required.' : null
  if (field.type === 'string') return typeof value === 'string' ? null : 'Must be text.'
  if (field.type === 'boolean') return typeof value === 'boolean' ? null : 'Must be on or off.'
  return countProblem(value, 0)
}

export function configProblems(node: FlowNode, kind: NodeKind | undefined): Record<string, string> {
  const config = asConfig(node.config)
  const problems: Record<string, string> = {}
  // The first message for a field wins: the kind's own rules speak more plainly than the schema's.
  const add: Add = (field, message) => {
    if (!(field in problems)) problems[field] = message
  }

  const rule = node.node_type === 'executor' ? executorRule : RULES[node.kind]
  rule?.(config, add)
  for (const [name, value] of Object.entries(config)) {
    if (name.endsWith('_env') && typeof value === 'string') {
      const problem = envNameProblem(value)
      if (problem) add(name, problem)
    }
  }
  for (const [name, field] of Object.entries(kind?.config_schema ?? {})) {
    const problem = schemaProblem(config[name], field)
    if (problem) add(name, problem)
  }
  // Unknown trigger kinds are merely ignored by the scheduler; the others fail the run.
  const failsRun = node.node_type === 'source' || node.node_type === 'filter' || node.node_type === 'sink'
  if (!kind && failsRun && !KNOWN_KINDS.has(node.kind)) add('kind', `Unknown ${node.node_type} kind "${node.kind}": a run with this node fails.`)
  return problems
}
