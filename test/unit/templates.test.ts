// The ready-made flows: each is a runnable flow as it comes (trigger, an
// executor with a prompt, §8.1's required fields filled, sound wiring).
import { describe, expect, it } from 'vitest'
import type { FlowNode } from '../../src-main/contract/api'
import { NODE_KINDS } from '../../src-main/flows/node-kinds'
import { parseCron } from '../../src-main/scheduler/cron'
import { FLOW_TEMPLATES, TEMPLATE_SPACING, templateFlow } from '../../src-renderer/src/templates/templates'

const configOf = (node: FlowNode) => node.config as Record<string, unknown>
const filled = (value: unknown) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null)

function hasCycle(nodes: readonly FlowNode[], edges: readonly { source: string; target: string }[]): boolean {
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false
    if (state.get(id) === 'visiting') return true
    state.set(id, 'visiting')
    const found = edges.filter((e) => e.source === id).some((e) => visit(e.target))
    state.set(id, 'done')
    return found
  }
  return nodes.some((node) => visit(node.id))
}

describe('flow templates', () => {
  it('there are at least six, with unique ids and names', () => {
    expect(FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(6)
    expect(new Set(FLOW_TEMPLATES.map((t) => t.id)).size).toBe(FLOW_TEMPLATES.length)
    expect(new Set(FLOW_TEMPLATES.map((t) => t.name)).size).toBe(FLOW_TEMPLATES.length)
  })

  describe.each(FLOW_TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, template) => {
    const flow = templateFlow(template)
    const nodes = flow.nodes!
    const edges = flow.edges!

    it('has a trigger first and an executor with a real prompt', () => {
      expect(nodes[0]!.node_type).toBe('trigger')
      const executors = nodes.filter((n) => n.node_type === 'executor')
      expect(executors.length).toBeGreaterThan(0)
      for (const executor of executors) {
        const prompt = configOf(executor).prompt
        expect(typeof prompt).toBe('string')
        expect((prompt as string).length).toBeGreaterThan(200)
        // The runner reads a prompt ending in .md/.txt as a file name.
        expect(prompt as string).not.toMatch(/\.(md|txt)$/)
        expect(configOf(executor).working_dir).toBeUndefined()
      }
    })

    it('fills every required field of its kinds, with known kinds only', () => {
      for (const node of nodes) {
        const kind = NODE_KINDS.find((k) => k.kind === node.kind)
        expect(kind, node.kind).toBeDefined()
        expect(kind!.node_type).toBe(node.node_type)
        for (const [field, schema] of Object.entries(kind!.config_schema)) {
          if (schema.required) expect(filled(configOf(node)[field]), `${node.kind}.${field}`).toBe(true)
        }
        if (node.kind === 'slack') expect(filled(configOf(node).webhook_url_env) || (filled(configOf(node).bot_token_env) && filled(configOf(node).channel))).toBe(true)
        if (node.kind === 'cron') expect(parseCron(configOf(node).schedule as string).ok).toBe(true)
      }
    })

    it('sinks name environment variables, and the description or needs say which to set', () => {
      const text = [template.description, ...template.needs].join(' ')
      for (const sink of nodes.filter((n) => n.node_type === 'sink')) {
        for (const field of ['webhook_url_env', 'bot_token_env', 'token_env']) {
          const name = configOf(sink)[field]
          if (name === undefined) continue
          expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/)
          expect(text).toContain(name as string)
        }
      }
    })

    it('is wired as a chain: edges only between its nodes, no cycle, laid out left to right', () => {
      const ids = new Set(nodes.map((n) => n.id))
      expect(ids.size).toBe(nodes.length)
      expect(edges).toHaveLength(nodes.length - 1)
      for (const edge of edges) {
        expect(ids.has(edge.source)).toBe(true)
        expect(ids.has(edge.target)).toBe(true)
      }
      expect(hasCycle(nodes, edges)).toBe(false)
      expect(edges.some((e) => nodes.find((n) => n.id === e.target)!.node_type === 'trigger')).toBe(false)
      expect(edges.some((e) => nodes.find((n) => n.id === e.source)!.node_type === 'sink')).toBe(false)
      nodes.slice(1).forEach((node, i) => expect(node.position.x - nodes[i]!.position.x).toBe(TEMPLATE_SPACING))
    })
  })

  it('gives fresh ids each time and never shares config with the template', () => {
    const template = FLOW_TEMPLATES[0]!
    const a = templateFlow(template)
    const b = templateFlow(template)
    expect(a.nodes!.map((n) => n.id)).not.toEqual(b.nodes!.map((n) => n.id))
    ;(configOf(a.nodes![1]!) as { url: string }).url = 'changed'
    expect(template.chain[1]!.config.url).not.toBe('changed')
  })
})
