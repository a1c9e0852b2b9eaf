import { describe, expect, it } from 'vitest'
import type { FlowNode, FlowRun, NodeType } from '../../src-main/contract/api'
import { nodeRunStates, runProgress } from '../../src-renderer/src/runs/node-states'
import type { RunLogGroup, RunLogLine } from '../../src-renderer/src/runs/run-log'

const node = (id: string, node_type: NodeType): FlowNode => ({ id, node_type, kind: id, label: id, position: { x: 0, y: 0 }, config: {} })
const nodes = [node('cron', 'trigger'), node('rss', 'source'), node('filter', 'filter'), node('writer', 'executor'), node('slack', 'sink')]
const run = (status: FlowRun['status']): FlowRun => ({ id: 'r1', flow_id: 'f', status, started_at: '', finished_at: null, node_runs: [], error: null })
let key = 0
const line = (type: RunLogLine['type'], nodeId: string | null = null): RunLogLine => ({ key: String(++key), timestamp: '', nodeId, type, message: '' })
const log = (...lines: RunLogLine[]): RunLogGroup[] => [{ runId: 'r1', lines }]

describe('the trigger on a lit canvas', () => {
  it('is unlit while the flow has no run', () => {
    expect(nodeRunStates(nodes, undefined, []).get('cron')).toBeUndefined()
  })

  it('is done as soon as the run exists, before any other node has started', () => {
    const states = nodeRunStates(nodes, run('running'), log(line('run_started')))
    expect(states.get('cron')).toBe('done')
    expect(states.get('rss')).toBeUndefined()
  })

  it('stays done when the run ends, failed or not, while nodes it never reached are skipped', () => {
    const failed = nodeRunStates(nodes, run('failed'), log(line('run_started'), line('node_started', 'rss'), line('node_failed', 'rss'), line('run_failed')))
    expect(Object.fromEntries(failed)).toEqual({ cron: 'done', rss: 'failed', filter: 'skipped', writer: 'skipped', slack: 'skipped' })
  })

  it('only the first trigger fires: the one the backend starts runs from', () => {
    const hook = node('hook', 'trigger')
    const states = nodeRunStates([...nodes, hook], run('success'), log(line('run_completed')))
    expect(states.get('cron')).toBe('done')
    expect(states.has('hook')).toBe(false)
  })
})

describe('a run in progress', () => {
  it('lights each node running, then done, in the order the log says', () => {
    const lines = [line('run_started'), line('node_started', 'rss'), line('node_completed', 'rss'), line('node_started', 'filter')]
    const states = nodeRunStates(nodes, run('running'), log(...lines))
    expect(Object.fromEntries(states)).toEqual({ cron: 'done', rss: 'done', filter: 'running' })
  })

  it('counts progress over the nodes that do the work, not the trigger', () => {
    const states = nodeRunStates(nodes, run('running'), log(line('run_started'), line('node_started', 'rss'), line('node_completed', 'rss')))
    expect(runProgress(nodes, states)).toEqual({ done: 1, total: 4 })
  })
})
