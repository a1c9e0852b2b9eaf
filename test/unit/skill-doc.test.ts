import { describe, expect, it } from 'vitest'
import type { Flow, FlowNode } from '../../src-main/contract/api'
import { configSummary, leadSystemPrompt, nodesSummary, nodeSystemPrompt, reachable, renderSkillDoc } from '../../src-main/sessions/skill-doc'

const node = (id: string, node_type: FlowNode['node_type'], kind: string, config: unknown, label: string): FlowNode => ({ id, node_type, kind, config, position: { x: 0, y: 0 }, label })

const flow: Flow = {
  id: 'f',
  name: 'News digest',
  description: 'Daily news, summarised.',
  enabled: true,
  nodes: [
    node('t', 'trigger', 'cron', { schedule: '0 9 * * *' }, 'Morning'),
    node('s', 'source', 'rss', { url: 'http://feed', limit: 5 }, 'Feed'),
    node('k', 'filter', 'keyword', { keywords: ['ai', 'rust'] }, 'Topics'),
    node('e1', 'executor', 'claude-code', { prompt: 'prompts/digest.md' }, 'Digest'),
    node('e2', 'executor', 'claude-code', {}, 'Review'),
    node('o', 'sink', 'slack', { bot_token_env: 'TOKEN', channel: '#news' }, 'Team'),
  ],
  edges: [
    { id: '1', source: 't', target: 's' },
    { id: '2', source: 's', target: 'k' },
    { id: '3', source: 'k', target: 'e1' },
    { id: '4', source: 'e1', target: 'e2' },
    { id: '5', source: 'e2', target: 'o' },
    { id: '6', source: 'o', target: 'e1' },
  ],
  created_at: 'c',
  updated_at: 'u',
}

describe('Skill.md', () => {
  it('renders the exact layout', () => {
    expect(renderSkillDoc(flow, 'e1')).toBe(
      [
        '# Workflow Context',
        '',
        '## Flow: News digest',
        '',
        'Daily news, summarised.',
        '',
        '## Your Position in the Pipeline',
        '',
        '```',
        '  Trigger: Morning (cron) -- schedule: 0 9 * * *',
        '    -> Source: Feed (rss) -- url: http://feed, limit: 5',
        '    -> Filter: Topics (keyword) -- keywords: ai, rust',
        '    -> **YOU: Digest (claude-code)**',
        '    -> Executor: Review (claude-code) -- prompt: (inline)',
        '    -> Sink: Team (slack) -- bot, channel: #news',
        '```',
        '',
        '## Upstream Nodes (feeding data into you)',
        '',
        '| Node | Kind | Config |',
        '|------|------|--------|',
        '| Topics | keyword | keywords: ai, rust |',
        '| Team | slack | bot, channel: #news |',
        '| Feed | rss | url: http://feed, limit: 5 |',
        '| Morning | cron | schedule: 0 9 * * * |',
        '| Review | claude-code | prompt: (inline) |',
        '## Downstream Nodes (receiving your output)',
        '',
        '| Node | Kind | Config |',
        '|------|------|--------|',
        '| Review | claude-code | prompt: (inline) |',
        '| Team | slack | bot, channel: #news |',
        '## All Executors in This Flow',
        '',
        '- **E01: Digest (this node)** -- prompt: prompts/digest.md',
        '- E02: Review -- prompt: (inline)',
        '## Your Configuration',
        '',
        '- **Label**: Digest',
        '- **Prompt path**: prompts/digest.md',
        '- **Node ID**: e1',
        '',
      ].join('\n'),
    )
  })

  it('lists direct neighbours, then each one\'s own chain in turn; a cycle is walked once', () => {
    expect(reachable(flow, 'e1', 'up')).toEqual(['k', 'o', 's', 't', 'e2'])
    expect(reachable(flow, 'e1', 'down')).toEqual(['e2', 'o'])
  })

  it('summarises configs by kind, with ? for missing fields', () => {
    expect(configSummary(node('x', 'source', 'rss', {}, 'X'))).toBe('url: ?, limit: 10')
    expect(configSummary(node('x', 'trigger', 'github-pr', { poll_interval: 30 }, 'X'))).toBe('poll: 30s')
    expect(configSummary(node('x', 'sink', 'slack', { webhook_url_env: 'H' }, 'X'))).toBe('webhook, channel: ?')
    expect(configSummary(node('x', 'sink', 'notion', { database_id: 'db' }, 'X'))).toBe('database: db')
    expect(configSummary(node('x', 'trigger', 'manual', null, 'X'))).toBe('(triggered manually)')
    expect(configSummary(node('x', 'source', 'mystery', {}, 'X'))).toBe('(no config summary)')
  })
})

describe('system prompts', () => {
  it('name the node and flow, point at .skills, and append the extra prompt after a blank line', () => {
    const prompt = nodeSystemPrompt(flow, 'e1', 'Answer in French.')
    expect(prompt).toContain('"Digest"')
    expect(prompt).toContain('"News digest"')
    expect(prompt).toContain('.skills/Skill.md')
    expect(prompt).toContain('.skills/AGENT.md')
    expect(prompt).toContain('.skills/workflow.json')
    expect(prompt.endsWith('\n\nAnswer in French.')).toBe(true)
    expect(nodeSystemPrompt(flow, 'missing')).toContain('"Executor"')
  })
  it('give the lead agent the flow, its description and its sources and sinks', () => {
    const prompt = leadSystemPrompt(flow, nodesSummary(flow, 'source'), nodesSummary(flow, 'sink'))
    expect(prompt).toContain('News digest')
    expect(prompt).toContain('Daily news, summarised.')
    expect(prompt).toContain('1 source(s): rss (Feed)')
    expect(prompt).toContain('1 sink(s): slack (Team)')
    expect(nodesSummary({ ...flow, nodes: [] }, 'source')).toBe('No sources configured')
  })
})
