// What an executor chat knows about its flow: the Skill.md document (contract
// §6.5.1, exact layout), and the two system prompts (our own wording). Pure.
import type { Flow, FlowNode } from '../contract/api'

type Config = Record<string, unknown>
const configOf = (node: FlowNode): Config => (typeof node.config === 'object' && node.config !== null && !Array.isArray(node.config) ? (node.config as Config) : {})
const text = (value: unknown): string => (typeof value === 'string' ? value : '?')
const count = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback)
const joined = (value: unknown): string => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join(', ') : '?')

/** One line describing a node's settings, by kind. */
export function configSummary(node: FlowNode): string {
  const c = configOf(node)
  switch (node.kind) {
    case 'cron':
      return `schedule: ${text(c.schedule)}`
    case 'rss':
      return `url: ${text(c.url)}, limit: ${count(c.limit, 10)}`
    case 'web-scrape':
    case 'web-scraper':
      return `url: ${text(c.url)}`
    case 'github-merged-prs':
      return `repos: ${joined(c.repos)}`
    case 'github-pr':
      return `poll: ${count(c.poll_interval, 60)}s`
    case 'market-data':
      return '(fetches BTC/ETH, Fear & Greed, S&P 500)'
    case 'keyword':
      return `keywords: ${joined(c.keywords)}`
    case 'claude-code':
      return `prompt: ${typeof c.prompt === 'string' ? c.prompt : '(inline)'}`
    case 'slack':
      return `${typeof c.bot_token_env === 'string' ? 'bot' : 'webhook'}, channel: ${text(c.channel)}`
    case 'notion':
      return `database: ${text(c.database_id)}`
    case 'manual':
      return '(triggered manually)'
    case 'webhook':
      return `path: ${text(c.path)}`
    default:
      return '(no config summary)'
  }
}

const PIPELINE_ORDER = ['trigger', 'source', 'filter', 'executor', 'sink'] as const
const PIPELINE_NAME = { trigger: 'Trigger', source: 'Source', filter: 'Filter', executor: 'Executor', sink: 'Sink' } as const

function pipelineLine(node: FlowNode, self: string): string {
  const mark = node.id === self ? '**' : ''
  const described = `${node.label} (${node.kind}) -- ${configSummary(node)}`
  if (node.node_type === 'trigger') return `  ${mark}Trigger: ${described}${mark}`
  if (node.node_type === 'executor') return node.id === self ? `    -> **YOU: ${node.label} (claude-code)**` : `    -> Executor: ${described}`
  return `    -> ${mark}${PIPELINE_NAME[node.node_type]}: ${described}${mark}`
}

const MAX_DEPTH = 20

/** Node ids reachable against (up) or along (down) the edges: nearest first, each once. */
export function reachable(flow: Flow, start: string, direction: 'up' | 'down'): string[] {
  const seen = new Set([start])
  const found: string[] = []
  const walk = (id: string, depth: number) => {
    if (depth > MAX_DEPTH) return
    const next = flow.edges
      .filter((edge) => (direction === 'up' ? edge.target : edge.source) === id)
      .map((edge) => (direction === 'up' ? edge.source : edge.target))
      .filter((neighbour) => !seen.has(neighbour) && (seen.add(neighbour), true))
    found.push(...next)
    for (const neighbour of next) walk(neighbour, depth + 1)
  }
  walk(start, 1)
  return found
}

function tableRows(flow: Flow, ids: string[]): string {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]))
  return ids
    .map((id) => byId.get(id))
    .filter((node): node is FlowNode => node !== undefined)
    .map((node) => `| ${node.label} | ${node.kind} | ${configSummary(node)} |\n`)
    .join('')
}

export function renderSkillDoc(flow: Flow, nodeId: string): string {
  const self = flow.nodes.find((node) => node.id === nodeId)
  const pipeline = PIPELINE_ORDER.flatMap((type) => flow.nodes.filter((node) => node.node_type === type).map((node) => pipelineLine(node, nodeId)))
  const executors = flow.nodes
    .filter((node) => node.node_type === 'executor')
    .map((node, index) => {
      const tag = `E${String(index + 1).padStart(2, '0')}`
      return node.id === nodeId ? `- **${tag}: ${node.label} (this node)** -- ${configSummary(node)}\n` : `- ${tag}: ${node.label} -- ${configSummary(node)}\n`
    })
    .join('')
  const header = '| Node | Kind | Config |\n|------|------|--------|\n'
  const promptPath = self && typeof configOf(self).prompt === 'string' ? (configOf(self).prompt as string) : '(inline/none)'
  return [
    '# Workflow Context\n\n',
    `## Flow: ${flow.name}\n\n`,
    `${flow.description}\n\n`,
    '## Your Position in the Pipeline\n\n',
    '```\n',
    `${pipeline.join('\n')}\n`,
    '```\n\n',
    '## Upstream Nodes (feeding data into you)\n\n',
    header,
    tableRows(flow, reachable(flow, nodeId, 'up')),
    '## Downstream Nodes (receiving your output)\n\n',
    header,
    tableRows(flow, reachable(flow, nodeId, 'down')),
    '## All Executors in This Flow\n\n',
    executors,
    '## Your Configuration\n\n',
    `- **Label**: ${self?.label ?? 'Unknown'}\n`,
    `- **Prompt path**: ${promptPath}\n`,
    `- **Node ID**: ${nodeId}\n`,
  ].join('')
}

function withAppendix(prompt: string, append: string | undefined): string {
  return append ? `${prompt}\n\n${append}` : prompt
}

/** The system prompt of a node chat's first process. */
export function nodeSystemPrompt(flow: Flow, nodeId: string, append?: string): string {
  const name = flow.nodes.find((node) => node.id === nodeId)?.label ?? 'Executor'
  const prompt = [
    `You are "${name}", one executor step of the Shoggoth flow "${flow.name}".`,
    'Everything you need to know about your job is in the .skills/ folder of your working directory.',
    'Before anything else, read .skills/Skill.md (your place in the pipeline and your settings), .skills/AGENT.md (house rules, when present) and .skills/workflow.json (the whole flow).',
    'Work from those files and stay inside .skills/ unless the user explicitly asks you to look at the rest of the project.',
    'Keep answers short, and group tool calls together instead of making them one by one.',
  ].join('\n')
  return withAppendix(prompt, append)
}

export function nodesSummary(flow: Flow, type: 'source' | 'sink'): string {
  const nodes = flow.nodes.filter((node) => node.node_type === type)
  if (nodes.length === 0) return `No ${type}s configured`
  return `${nodes.length} ${type}(s): ${nodes.map((node) => `${node.kind} (${node.label})`).join(', ')}`
}

/** The system prompt of a flow's lead agent. */
export function leadSystemPrompt(flow: Flow, sourcesSummary: string, sinksSummary: string, append?: string): string {
  const prompt = [
    `You lead the Shoggoth flow "${flow.name}" and answer for all of it.`,
    `What the flow is for: ${flow.description || '(no description given)'}`,
    `Where its data comes from: ${sourcesSummary}.`,
    `Where its results go: ${sinksSummary}.`,
  ].join('\n')
  return withAppendix(prompt, append)
}
