// Ready-made flows for the gallery: plain data, turned into a NewFlow with
// fresh ids and a left-to-right layout when the user picks one.
import type { FlowEdge, FlowNode, NewFlow, NodeType } from '../../../src-main/contract/api'
import { freshId } from './ids'
import { MARKET_BRIEF_PROMPT, NEWS_DIGEST_PROMPT, PAGE_WATCH_PROMPT, PR_REVIEW_PROMPT, RELEASE_NOTES_PROMPT, WEBHOOK_PROMPT } from './template-prompts'

export interface TemplateNode {
  node_type: NodeType
  kind: string
  label: string
  config: Record<string, unknown>
}

export interface FlowTemplate {
  id: string
  name: string
  description: string
  /** What the user must provide before it delivers (env vars to set, things to replace). */
  needs: string[]
  /** The nodes in order; each feeds the next. */
  chain: TemplateNode[]
}

/** Horizontal distance between neighbouring nodes on the canvas. */
export const TEMPLATE_SPACING = 260

const slack = (label = 'Post to Slack'): TemplateNode => ({ node_type: 'sink', kind: 'slack', label, config: { webhook_url_env: 'SLACK_WEBHOOK_URL' } })
const claude = (label: string, prompt: string, extra: Record<string, unknown> = {}): TemplateNode => ({ node_type: 'executor', kind: 'claude-code', label, config: { prompt, permissions: [], ...extra } })
const cron = (schedule: string, label: string): TemplateNode => ({ node_type: 'trigger', kind: 'cron', label, config: { schedule } })
const SLACK_NEED = 'Set SLACK_WEBHOOK_URL to a Slack incoming-webhook URL (in the environment or .env) before starting the app.'

export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  {
    id: 'news-digest',
    name: 'News digest to Slack',
    description: 'Every morning at 08:00 UTC: the Hacker News front page, filtered to AI and developer-tool stories, summarised by Claude into a short digest posted to Slack.',
    needs: [SLACK_NEED],
    chain: [
      cron('0 8 * * *', 'Every morning'),
      { node_type: 'source', kind: 'rss', label: 'Hacker News', config: { url: 'https://hnrss.org/frontpage', limit: 30 } },
      { node_type: 'filter', kind: 'keyword', label: 'AI and dev tools', config: { keywords: ['AI', 'LLM', 'Claude', 'GPT', 'model', 'agent', 'open source', 'compiler', 'database'], require_all: false, field: 'title_or_summary' } },
      claude('Write digest', NEWS_DIGEST_PROMPT),
      slack(),
    ],
  },
  {
    id: 'pr-reviewer',
    name: 'GitHub PR reviewer',
    description: 'Watches a repository for new pull requests (and new pushes to them) and has Claude review each one, posting the review as a PR comment with the gh CLI.',
    needs: ['Replace your-org/your-repo with your repository, and its path with where it is checked out.', 'Set GITHUB_TOKEN, and log the gh CLI in (gh auth login).'],
    chain: [
      { node_type: 'trigger', kind: 'github-pr', label: 'New pull request', config: { repos: [{ slug: 'your-org/your-repo', path: '.' }], poll_interval: 120, skip_drafts: true, review_on_push: true, max_diff_size: 50000 } },
      claude('Review PR', PR_REVIEW_PROMPT, { permissions: ['Read', 'Grep', 'Glob', 'Bash(git diff:*)', 'Bash(git log:*)', 'Bash(gh pr review:*)'] }),
    ],
  },
  {
    id: 'page-watcher',
    name: 'Web page watcher',
    description: "Checks a web page every day at 09:00 UTC (the Node.js blog, for its security releases) and posts what is new to Slack. Change the URL to the page you care about.",
    needs: [SLACK_NEED],
    chain: [
      cron('0 9 * * *', 'Daily check'),
      { node_type: 'source', kind: 'web-scrape', label: 'Node.js blog', config: { url: 'https://nodejs.org/en/blog', keywords: [] } },
      claude('Spot changes', PAGE_WATCH_PROMPT),
      slack(),
    ],
  },
  {
    id: 'market-brief',
    name: 'Daily market brief',
    description: 'On weekdays at 06:30 UTC: a snapshot of major indices, currencies and crypto, turned by Claude into a short morning brief for Slack.',
    needs: [SLACK_NEED],
    chain: [
      cron('30 6 * * 1-5', 'Weekday mornings'),
      { node_type: 'source', kind: 'market-data', label: 'Market data', config: {} },
      claude('Write brief', MARKET_BRIEF_PROMPT),
      slack(),
    ],
  },
  {
    id: 'webhook-to-claude',
    name: 'Webhook to Claude',
    description: 'Any system that can send a webhook (alerts, deploys, forms) posts JSON to /api/webhooks/claude-inbox; Claude explains the event and posts it to Slack.',
    needs: [SLACK_NEED, 'Point the sender at POST /api/webhooks/claude-inbox with the API token.'],
    chain: [
      { node_type: 'trigger', kind: 'webhook', label: 'Incoming webhook', config: { path: 'claude-inbox' } },
      claude('Explain event', WEBHOOK_PROMPT),
      slack(),
    ],
  },
  {
    id: 'release-notes',
    name: 'Release notes from merged PRs',
    description: "Every Friday at 16:00 UTC: the pull requests merged in the last 7 days, written up by Claude as user-facing release notes in a Notion database.",
    needs: ['Replace your-org/your-repo with your repository and set GITHUB_TOKEN.', 'Set NOTION_TOKEN to a Notion integration token and put your database id in the Notion node.'],
    chain: [
      cron('0 16 * * 5', 'Fridays'),
      { node_type: 'source', kind: 'github-merged-prs', label: 'Merged this week', config: { repos: ['your-org/your-repo'], since_days: 7 } },
      claude('Write release notes', RELEASE_NOTES_PROMPT),
      { node_type: 'sink', kind: 'notion', label: 'Notion page', config: { token_env: 'NOTION_TOKEN', database_id: 'your-notion-database-id' } },
    ],
  },
]

/** A new flow from a template: fresh ids, nodes left to right, each wired to the next. */
export function templateFlow(template: FlowTemplate, makeId: (prefix: string) => string = freshId): NewFlow {
  const nodes: FlowNode[] = template.chain.map((node, index) => ({
    id: makeId(node.kind),
    node_type: node.node_type,
    kind: node.kind,
    label: node.label,
    // A deep copy: the flow must never share arrays with the template data.
    config: structuredClone(node.config),
    position: { x: 80 + index * TEMPLATE_SPACING, y: 160 },
  }))
  const edges: FlowEdge[] = nodes.slice(1).map((node, index) => ({ id: makeId('edge'), source: nodes[index]!.id, target: node.id }))
  return { name: template.name, description: template.description, nodes, edges }
}
