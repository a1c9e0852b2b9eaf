import { describe, expect, it } from 'vitest'
import type { FlowNode, FlowRun } from '../../src-main/contract/api'
import { nodeRunStates } from '../../src-renderer/src/runs/node-states'
import type { RunLogGroup, RunLogLine } from '../../src-renderer/src/runs/run-log'

const node: FlowNode = { id: 'writer', node_type: 'executor', kind: 'claude-code', label: 'Writer', position: { x: 0, y: 0 }, config: {} }
const run = (status: FlowRun['status']): FlowRun => ({ id: 'r1', flow_id: 'f', status, started_at: '', finished_at: null, node_runs: [], error: null })
let key = 0
const line = (type: RunLogLine['type'], message = ''): RunLogLine => ({ key: String(++key), timestamp: '', nodeId: 'writer', type, message })
const log = (...lines: RunLogLine[]): RunLogGroup[] => [{ runId: 'r1', lines }]

describe('an executor waiting for approval in a run', () => {
  it('shows waiting while its question is open, running again once answered', () => {
    const asked = log(line('node_started'), line('log', 'waiting for approval: Bash touch NOTES.md'))
    expect(nodeRunStates([node], run('running'), asked).get('writer')).toBe('waiting')
    const answered = log(...asked[0]!.lines, line('log', 'approval for Bash touch NOTES.md: allowed'))
    expect(nodeRunStates([node], run('running'), answered).get('writer')).toBe('running')
  })

  it('other log lines do not change the state; a run that ended while waiting failed the node', () => {
    expect(nodeRunStates([node], run('running'), log(line('node_started'), line('log', 'approval for nothing'))).get('writer')).toBe('running')
    const cut = log(line('node_started'), line('log', 'waiting for approval: Bash rm x'), line('run_cancelled'))
    expect(nodeRunStates([node], run('cancelled'), cut).get('writer')).toBe('failed')
  })
})
