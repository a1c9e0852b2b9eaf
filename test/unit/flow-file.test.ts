// Flow files: export to JSON/YAML and back, the original server's flow JSON,
// and errors a user can act on.
import { describe, expect, it } from 'vitest'
import type { Flow } from '../../src-main/contract/api'
import { exportFlow, FlowFileError, flowFileName, parseFlowFile, withFreshIds, type FlowFile } from '../../src-renderer/src/templates/flow-file'

const sample: FlowFile = {
  name: 'News digest',
  description: 'Morning news: "quoted", unicode ✓, and a colon: here',
  enabled: false,
  nodes: [
    { id: 'cron-1', node_type: 'trigger', kind: 'cron', label: 'Every morning', config: { schedule: '0 8 * * *' }, position: { x: 80, y: 160 } },
    { id: 'rss-1', node_type: 'source', kind: 'rss', label: 'Feed', config: { url: 'https://hnrss.org/frontpage', limit: 10, keywords: ['ai', 'yes', 'no'] }, position: { x: 340, y: 160.5 } },
    { id: 'exec-1', node_type: 'executor', kind: 'claude-code', label: 'Writer', config: { prompt: 'Line one\n  indented: {{content}}\n\n- a list\n', permissions: [], append_system_prompt: null }, position: { x: 600, y: -20 } },
    { id: 'slack-1', node_type: 'sink', kind: 'slack', label: 'Slack', config: { webhook_url_env: 'SLACK_WEBHOOK_URL' }, position: { x: 860, y: 160 } },
  ],
  edges: [
    { id: 'e1', source: 'cron-1', target: 'rss-1' },
    { id: 'e2', source: 'rss-1', target: 'exec-1' },
    { id: 'e3', source: 'exec-1', target: 'slack-1' },
  ],
}

const expectError = (text: string, message: RegExp) => {
  expect(() => parseFlowFile(text)).toThrow(FlowFileError)
  expect(() => parseFlowFile(text)).toThrow(message)
}

describe('round trip', () => {
  it.each(['json', 'yaml'] as const)('%s gives back an equal flow', (format) => {
    const text = exportFlow(sample, format)
    expect(text).toContain('shoggoth_flow')
    expect(parseFlowFile(text)).toEqual(sample)
  })

  it('YAML and JSON of one flow read the same', () => {
    expect(parseFlowFile(exportFlow(sample, 'yaml'))).toEqual(parseFlowFile(exportFlow(sample, 'json')))
  })

  it('exports only the wire fields of nodes and edges', () => {
    const noisy = { ...sample, nodes: sample.nodes.map((n) => ({ ...n, selected: true, measured: { width: 1 } })), edges: sample.edges.map((e) => ({ ...e, sourceHandle: null })) }
    const parsed = JSON.parse(exportFlow(noisy, 'json')) as { nodes: object[]; edges: object[] }
    expect(Object.keys(parsed.nodes[0]!).sort()).toEqual(['config', 'id', 'kind', 'label', 'node_type', 'position'])
    expect(Object.keys(parsed.edges[0]!).sort()).toEqual(['id', 'source', 'target'])
  })

  it('names the file after the flow', () => {
    expect(flowFileName('News digest: AI!', 'yaml')).toBe('news-digest-ai.yaml')
    expect(flowFileName('Café über', 'json')).toBe('cafe-uber.json')
    expect(flowFileName('***', 'json')).toBe('flow.json')
  })
})

describe("the original server's flow JSON", () => {
  it('is accepted as it is: identity dropped, React Flow keys ignored, defaults filled', () => {
    const original = {
      id: '5f0c1c52-6a43-4b7e-9a59-8f8f1f0c2d11',
      name: 'Release notes',
      nodes: [
        { id: 'n1', node_type: 'trigger', kind: 'cron', config: { schedule: '0 9 * * 1' }, position: { x: 0, y: 0 }, label: 'Cron', type: 'custom', selected: false, dragging: false, width: 180, height: 40, positionAbsolute: { x: 0, y: 0 } },
        { id: 'n2', node_type: 'executor', kind: 'claude-api', config: { prompt: 'prompts/release.md' }, position: { x: 250, y: 0 }, label: 'Claude' },
      ],
      edges: [{ id: 'reactflow__edge-n1-n2', source: 'n1', target: 'n2', sourceHandle: null, targetHandle: null, animated: true }],
      created_at: '2025-06-01T10:00:00.000000Z',
      updated_at: '2025-06-02T11:00:00.000000Z',
    }
    const flow = parseFlowFile(JSON.stringify(original))
    expect(flow).toEqual({
      name: 'Release notes',
      description: '',
      enabled: true,
      nodes: [
        { id: 'n1', node_type: 'trigger', kind: 'cron', config: { schedule: '0 9 * * 1' }, position: { x: 0, y: 0 }, label: 'Cron' },
        { id: 'n2', node_type: 'executor', kind: 'claude-api', config: { prompt: 'prompts/release.md' }, position: { x: 250, y: 0 }, label: 'Claude' },
      ],
      edges: [{ id: 'reactflow__edge-n1-n2', source: 'n1', target: 'n2' }],
    })
  })

  it('a full Flow exported by this app reads back the same', () => {
    const served: Flow = { ...sample, id: 'abc', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' }
    expect(parseFlowFile(JSON.stringify(served))).toEqual(sample)
  })
})

describe('fresh ids', () => {
  it('renames every node and edge and keeps the wiring', () => {
    let n = 0
    const fresh = withFreshIds(sample, (prefix) => `${prefix}-new${n++}`)
    expect(fresh.nodes.map((node) => node.id)).toEqual(['cron-new0', 'rss-new1', 'claude-code-new2', 'slack-new3'])
    expect(fresh.edges).toEqual([
      { id: 'edge-new4', source: 'cron-new0', target: 'rss-new1' },
      { id: 'edge-new5', source: 'rss-new1', target: 'claude-code-new2' },
      { id: 'edge-new6', source: 'claude-code-new2', target: 'slack-new3' },
    ])
    const imported = parseFlowFile(exportFlow(sample, 'yaml'), { freshIds: true })
    expect(new Set(imported.nodes.map((node) => node.id)).size).toBe(4)
    expect(imported.nodes.some((node) => sample.nodes.some((old) => old.id === node.id))).toBe(false)
  })
})

describe('bad files', () => {
  const withNodes = (nodes: unknown[], edges: unknown[] = []) => JSON.stringify({ name: 'X', nodes, edges })
  const good = { id: 'a', node_type: 'trigger', kind: 'manual', label: 'Go', config: {}, position: { x: 0, y: 0 } }

  it('says what is wrong, and where', () => {
    expectError('', /empty/)
    expectError('{"name": "x",', /not valid JSON/)
    expectError('name: [unclosed', /neither JSON nor valid YAML/)
    expectError('[1, 2]', /does not hold a flow/)
    expectError('just some words', /does not hold a flow/)
    expectError(JSON.stringify({ nodes: [] }), /no name/)
    expectError(JSON.stringify({ name: 'x', nodes: {} }), /"nodes" must be a list/)
    expectError(withNodes([good, good, { id: 'c', kind: 'rss', label: 'Feed' }]), /^Node 3 \("Feed"\) has no node_type\.$/)
    expectError(withNodes([{ ...good, node_type: 'widget' }]), /Node 1 \("Go"\) has node_type "widget"; it must be one of trigger, source, filter, executor, sink/)
    expectError(withNodes([{ ...good, kind: '' }]), /Node 1 \("Go"\) has no kind/)
    expectError(withNodes([{ ...good, id: undefined }]), /Node 1 \("Go"\) has no id/)
    expectError(withNodes([{ ...good, position: { x: 'left' } }]), /position that is not/)
    expectError(withNodes([good, { ...good }]), /Node 2 has the id "a", which an earlier node already has/)
    expectError(withNodes([good], [{ id: 'e', source: 'a', target: 'ghost' }]), /Edge 1 has target "ghost", which is not a node in the file/)
    expectError(JSON.stringify({ name: 'x', shoggoth_flow: 9 }), /newer Shoggoth/)
  })

  it('fills what can be filled: label from kind, config, position left to right', () => {
    const flow = parseFlowFile(withNodes([{ id: 'a', node_type: 'trigger', kind: 'manual' }, { id: 'b', node_type: 'executor', kind: 'claude-code' }]))
    expect(flow.nodes[1]).toEqual({ id: 'b', node_type: 'executor', kind: 'claude-code', label: 'claude-code', config: {}, position: { x: 340, y: 160 } })
  })
})
