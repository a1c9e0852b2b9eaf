import type { FlowNode } from '../../../src-main/contract/api'
import { useLayoutEffect, useRef, useState } from 'react'
import { useFlowRuns } from './useFlowRuns'
import { useRuns } from './RunsProvider'
import { RunLogGroupView } from './RunLogGroupView'
import { Banner } from '../ui/Banner'

// Within this many pixels of the bottom the log keeps following new lines.
const STICKY_PX = 32

/** Run events as they happen, grouped by run. */
export function RunLog({ flowId, nodes }: { flowId: string; nodes: readonly FlowNode[] }) {
  const { log, notice } = useFlowRuns(flowId)
  const [nodeFilter, setNodeFilter] = useState('')
  const shown = nodeFilter === '' ? log : log.map((group) => ({ ...group, lines: group.lines.filter((line) => line.nodeId === nodeFilter || line.nodeId === null) }))
  const dismissNotice = useRuns((s) => s.dismissNotice)
  const box = useRef<HTMLDivElement>(null)
  const stuck = useRef(true)

  useLayoutEffect(() => {
    const element = box.current
    if (element && stuck.current) element.scrollTop = element.scrollHeight
  }, [shown])

  return (
    <div className="run-log-wrap">
      <div className="tab-toolbar">
        <label className="inline-field">
          <span>Node</span>
          <select value={nodeFilter} onChange={(event) => setNodeFilter(event.target.value)} data-testid="run-log-filter">
            <option value="">All nodes</option>
            {nodes
              .filter((node) => node.node_type !== 'trigger')
              .map((node) => (
                <option key={node.id} value={node.id}>
                  {node.label}
                </option>
              ))}
          </select>
        </label>
      </div>
      {notice !== null && <Banner kind="notice" message={notice} onDismiss={() => dismissNotice(flowId)} testId="run-log-notice" />}
      <div
        ref={box}
        className="run-log"
        role="log"
        aria-label="Live run log"
        data-testid="run-log"
        onScroll={(event) => {
          const element = event.currentTarget
          stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_PX
        }}
      >
        {log.length === 0 ? (
          <p className="run-log__empty">Nothing live yet. Run the flow and its progress shows up here.</p>
        ) : (
          shown.map((group) => <RunLogGroupView key={group.runId} group={group} nodes={nodes} />)
        )}
      </div>
    </div>
  )
}
