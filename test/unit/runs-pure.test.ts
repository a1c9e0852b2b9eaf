import { describe, expect, it } from 'vitest'
import type { Flow, FlowNode, RunEvent } from '../../src-main/contract/api'
import { findCycle, planFlow } from '../../src-main/runs/dag'
import { cutBytes, fillTemplate, formatItems, minuteStamp, preview, renderPrompt } from '../../src-main/runs/prompt'
import { RunEventBus } from '../../src-main/runs/run-events'

const node = (id: string, node_type: FlowNode['node_type'], kind: string = node_type): FlowNode => ({ id, node_type, kind, config: {}, position: { x: 0, y: 0 }, label: id.toUpperCase() })
const flow = (nodes: FlowNode[], edges: [string, string][]): Flow => ({
  id: 'f', name: 'F', description: '', enabled: true, nodes, edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })), created_at: 'c', updated_at: 'u',
})

describe('planFlow', () => {
  const basic = [node('t', 'trigger', 'cron'), node('s', 'source', 'rss'), node('x', 'executor', 'claude-code'), node('o', 'sink', 'slack')]

  it('a flow with at most one executor is the contract pipeline, whatever its edges', () => {
    expect(planFlow(flow(basic, [])).shape).toBe('pipeline')
    expect(planFlow(flow(basic, [['t', 's'], ['s', 'x'], ['x', 'o']])).shape).toBe('pipeline')
    expect(planFlow(flow([...basic, node('s2', 'source', 'rss')], [['s2', 'o'], ['s', 'ghost'], ['x', 's'], ['s', 'x']])).shape).toBe('pipeline')
  })

  it('two executors follow the edges, listing inputs in edge order', () => {
    const plan = planFlow(flow([...basic, node('y', 'executor'), node('s2', 'source', 'rss')], [['t', 's'], ['s2', 'x'], ['s', 'x'], ['x', 'o'], ['x', 'y']]))
    expect(plan.shape).toBe('graph')
    if (plan.shape !== 'graph') return
    expect(plan.nodes.map((n) => n.id)).toEqual(['s', 'x', 'o', 'y', 's2'])
    expect(plan.inputs.get('x')!.map((n) => n.id)).toEqual(['s2', 's'])
    expect(plan.inputs.get('y')!.map((n) => n.id)).toEqual(['x'])
    expect(plan.inputs.get('s')).toEqual([])
  })

  it('finds cycles', () => {
    expect(findCycle(flow(basic, [['s', 'x'], ['x', 'o'], ['o', 's']]))).toEqual(['s', 'x', 'o', 's'])
    expect(findCycle(flow(basic, [['s', 'x'], ['x', 'o']]))).toBeNull()
  })
})

describe('prompt rendering', () => {
  const item = (i: number, extra: Partial<{ summary: string; imageUrl: string | null; published: Date | null }> = {}) => ({
    title: `Title ${i}`, url: `http://x/${i}`, summary: `Summary ${i}`, published: new Date('2026-02-24T10:15:30Z'), imageUrl: null, ...extra,
  })

  it('formats items as a numbered list', () => {
    expect(formatItems([])).toBe('No items fetched.')
    expect(formatItems([item(1), item(2, { published: null, imageUrl: 'http://img' })])).toBe(
      '1. [Title 1](http://x/1)\n   Published: 2026-02-24 10:15 UTC\n   Summary 1\n\n2. [Title 2](http://x/2)\n   Published: unknown date\n   Image: http://img\n   Summary 2\n',
    )
  })

  it('cuts summaries and previews at 500 bytes without splitting a character', () => {
    const emoji = '🙂'.repeat(200) // 800 bytes
    expect(cutBytes(emoji, 500)).toBe('🙂'.repeat(125))
    expect(cutBytes('é'.repeat(300), 501)).toBe('é'.repeat(250))
    expect(preview('short')).toBe('short')
    expect(preview('x'.repeat(501))).toBe(`${'x'.repeat(500)}...`)
    expect(formatItems([item(1, { summary: '🙂'.repeat(200) })])).toContain(`   ${'🙂'.repeat(125)}...\n`)
  })

  it('fills known variables only, and appends the content when the template has no slot for it', () => {
    expect(fillTemplate('{{a}} {{b}} {{ a }}', { a: 'A' })).toBe('A {{b}} {{ a }}')
    const vars = { timestamp: minuteStamp(new Date('2026-02-24T10:15:59Z')) }
    expect(vars.timestamp).toBe('2026-02-24 10:15 UTC')
    expect(renderPrompt('{{item_count}} items at {{timestamp}}:\n{{content}}', [item(1)], vars)).toBe(`1 items at 2026-02-24 10:15 UTC:\n${formatItems([item(1)])}`)
    expect(renderPrompt('Summarise.', [item(1)], vars)).toBe(`Summarise.\n\n<<<\n${formatItems([item(1)])}\n>>>`)
    expect(renderPrompt('Summarise {{content}}', [], vars)).toBe('Summarise No items fetched.')
    expect(renderPrompt('Nothing to add.', [], vars)).toBe('Nothing to add.')
  })
})

describe('RunEventBus', () => {
  const event = (flow_id: string, message: string): RunEvent => ({ flow_id, run_id: 'r', timestamp: 't', node_id: null, event_type: 'log', message })

  it('delivers a flow\'s events to its followers only', () => {
    const bus = new RunEventBus()
    const got: string[] = []
    const { unsubscribe } = bus.subscribe('a', ({ event }) => got.push(event.message))
    bus.publish(event('a', 'one'))
    bus.publish(event('b', 'other'))
    unsubscribe()
    bus.publish(event('a', 'late'))
    expect(got).toEqual(['one'])
  })

  it('replays what came after Last-Event-ID', () => {
    const bus = new RunEventBus()
    const first = bus.publish(event('a', 'one'))
    bus.publish(event('b', 'other'))
    bus.publish(event('a', 'two'))
    const { replayed } = bus.subscribe('a', () => undefined, first.id)
    expect(replayed !== 'reset' && replayed.map((e) => e.event.message)).toEqual(['two'])
  })

  it('asks for a reset when the id is too old, unknown or from an earlier start', () => {
    const bus = new RunEventBus()
    const first = bus.publish(event('a', 'first'))
    // 1000 more push "first" out of the buffer: the client saw it and misses nothing yet.
    for (let i = 0; i < 1000; i++) bus.publish(event('a', `n${i}`))
    expect(bus.subscribe('a', () => undefined, first.id).replayed).toHaveLength(1000)
    // One more drops an event the client never saw.
    bus.publish(event('a', 'one too many'))
    expect(bus.subscribe('a', () => undefined, first.id).replayed).toBe('reset')
    expect(bus.subscribe('a', () => undefined, 'deadbeef-3').replayed).toBe('reset')
    expect(bus.subscribe('a', () => undefined, 'garbage').replayed).toBe('reset')
    const recent = bus.publish(event('a', 'recent'))
    expect(bus.subscribe('a', () => undefined, recent.id).replayed).toEqual([])
  })
})
