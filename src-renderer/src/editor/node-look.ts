// One colour and one icon per node type (and a finer icon per known kind),
// used on the canvas, in the palette and in the run log.
import { Bot, Clock, Filter, GitMerge, GitPullRequest, Globe, Hand, LineChart, MessageSquare, NotebookPen, Rss, ScanSearch, Send, Webhook, Zap, type LucideIcon } from 'lucide-react'
import type { NodeType } from '../../../src-main/contract/api'

export const NODE_TYPE_ORDER: readonly NodeType[] = ['trigger', 'source', 'filter', 'executor', 'sink']

export const NODE_TYPE_NAMES: Record<NodeType, string> = {
  trigger: 'Triggers',
  source: 'Sources',
  filter: 'Filters',
  executor: 'Executors',
  sink: 'Sinks',
}

/** The CSS variable holding the type's colour (ui/theme.css). */
export const nodeColour = (type: NodeType): string => `var(--node-${type})`

const TYPE_ICONS: Record<NodeType, LucideIcon> = { trigger: Zap, source: Rss, filter: Filter, executor: Bot, sink: Send }

const KIND_ICONS: Record<string, LucideIcon> = {
  cron: Clock,
  'github-pr': GitPullRequest,
  webhook: Webhook,
  manual: Hand,
  rss: Rss,
  'web-scrape': Globe,
  'web-scraper': ScanSearch,
  'github-merged-prs': GitMerge,
  'market-data': LineChart,
  keyword: Filter,
  slack: MessageSquare,
  notion: NotebookPen,
}

export const nodeIcon = (type: NodeType, kind: string): LucideIcon => KIND_ICONS[kind] ?? TYPE_ICONS[type]
