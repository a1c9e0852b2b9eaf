import type { FlowNode, NodeRun } from '../../../src-main/contract/api'
import { formatDuration, nodeLabel } from './run-format'
import { RunStatusBadge } from './RunStatusBadge'

interface NodeRunListProps {
  nodeRuns: readonly NodeRun[]
  nodes: readonly FlowNode[] | undefined
}

/** What each node of a run did, with the start of its output. */
export function NodeRunList({ nodeRuns, nodes }: NodeRunListProps) {
  if (nodeRuns.length === 0) {
    return <p className="list-note">No node ran in this run.</p>
  }
  return (
    <ol className="node-runs" data-testid="node-runs">
      {nodeRuns.map((nodeRun, index) => (
        // A node may run more than once in a run, so its id alone is not a key.
        <li key={`${nodeRun.node_id}-${index}`} className="node-run" data-testid="node-run" data-node-id={nodeRun.node_id}>
          <div className="node-run__head">
            <span className="node-run__label">{nodeLabel(nodes, nodeRun.node_id)}</span>
            <RunStatusBadge status={nodeRun.status} />
            <span className="node-run__duration">{formatDuration(nodeRun.started_at, nodeRun.finished_at) ?? 'running…'}</span>
          </div>
          {(nodeRun.output ?? nodeRun.output_preview) && (
            <pre className="node-run__output" data-testid="node-run-output">
              {nodeRun.output ?? nodeRun.output_preview}
            </pre>
          )}
        </li>
      ))}
    </ol>
  )
}
