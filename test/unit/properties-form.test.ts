import { describe, expect, it } from 'vitest'
import type { FlowNode, NodeKind, NodeType } from '../../src-main/contract/api'
import { placeProblems } from '../../src-renderer/src/properties/field-problems'
import { formFields } from '../../src-renderer/src/properties/form-fields'
import { insertText } from '../../src-renderer/src/properties/prompt-variables'

const node = (kind: string, nodeType: NodeType, config: unknown = {}): FlowNode => ({ id: 'n', node_type: nodeType, kind, config, position: { x: 0, y: 0 }, label: '' })
const kindOf = (kind: string, nodeType: NodeType, config_schema: NodeKind['config_schema']): NodeKind => ({ kind, node_type: nodeType, label: kind, config_schema })

describe('formFields', () => {
  it('picks the control from the field and the kind', () => {
    const slack = formFields(node('slack', 'sink'), kindOf('slack', 'sink', { webhook_url_env: { type: 'string' }, channel: { type: 'string' } }))
    expect(slack.map((f) => [f.name, f.control, f.label])).toEqual([
      ['webhook_url_env', 'secret', 'Environment variable holding the webhook URL'],
      ['channel', 'text', 'Channel'],
    ])
    const rss = formFields(node('rss', 'source'), kindOf('rss', 'source', { url: { type: 'string', required: true }, limit: { type: 'number', default: 10 }, keywords: { type: 'array' } }))
    expect(rss.map((f) => f.control)).toEqual(['url', 'number', 'list'])
    expect(rss[0]?.label).toBe('Feed URL')
    expect(rss[1]?.defaultValue).toBe(10)
    const keyword = formFields(node('keyword', 'filter'), kindOf('keyword', 'filter', { field: { type: 'string' } }))
    expect(keyword[0]?.options?.map((o) => o.value)).toEqual(['title', 'summary', 'title_or_summary'])
    expect(formFields(node('cron', 'trigger'), kindOf('cron', 'trigger', { schedule: { type: 'string' } }))[0]?.control).toBe('cron')
  })

  it('adds working_dir to PR triggers and gives every executor kind the same form', () => {
    const pr = formFields(node('github-pr', 'trigger'), kindOf('github-pr', 'trigger', { repos: { type: 'array' } }))
    expect(pr.map((f) => [f.name, f.control])).toEqual([['repos', 'repos'], ['working_dir', 'directory']])
    const executor = formFields(node('claude-api', 'executor'), undefined)
    expect(executor.map((f) => [f.name, f.control])).toEqual([
      ['prompt', 'prompt'], ['working_dir', 'directory'], ['permission_mode', 'permission-mode'], ['permissions', 'permissions'], ['append_system_prompt', 'multiline'],
    ])
  })

  it('shows the stored fields of a kind the catalogue does not know', () => {
    const fields = formFields(node('ftp', 'source', { host: 'x', port: 21, passive: true, tags: ['a'], nested: { a: 1 } }), undefined)
    expect(fields.map((f) => [f.name, f.control])).toEqual([['host', 'text'], ['port', 'number'], ['passive', 'boolean'], ['tags', 'list']])
  })
})

describe('placeProblems', () => {
  it('puts local and server problems at their fields, the rest at the top', () => {
    const placed = placeProblems(
      { url: 'Enter the feed URL.', 'keywords.1': 'Empty entry', kind: 'Unknown kind' },
      [
        { node_id: 'n', field: 'url', message: 'Enter the feed URL.' },
        { node_id: 'n', field: 'working_dir', message: 'does not exist' },
        { node_id: 'n', field: null, message: 'not connected' },
      ],
      ['url', 'keywords'],
    )
    expect(placed.byField).toEqual({ url: ['Enter the feed URL.'], 'keywords.1': ['Empty entry'] })
    expect(placed.general).toEqual(['Unknown kind', 'working_dir: does not exist', 'not connected'])
  })
})

describe('insertText', () => {
  it('replaces the selection and puts the caret after the insert', () => {
    expect(insertText('Hello world', 6, 11, '{{content}}')).toEqual({ text: 'Hello {{content}}', caret: 17 })
    expect(insertText('ab', 1, 1, 'X')).toEqual({ text: 'aXb', caret: 2 })
    expect(insertText('ab', 99, 99, 'X')).toEqual({ text: 'abX', caret: 3 })
  })
})
