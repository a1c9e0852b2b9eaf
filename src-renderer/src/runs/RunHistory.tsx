import { useFlowRuns } from './useFlowRuns'
import type { FlowNode } from '../../../src-main/contract/api'
import { RunHistoryItem } from './RunHistoryItem'

/** Earlier runs, newest first; each opens to show its node runs. */
export function RunHistory({ flowId, nodes }: { flowId: string; nodes: readonly FlowNode[] }) {
  const { runs, loaded } = useFlowRuns(flowId)

  return (
    <div className="run-history">
      {!loaded ? (
        <p className="list-note">Loading runs…</p>
      ) : runs.length === 0 ? (
        <p className="list-note" data-testid="run-history-empty">
          No runs yet. Press Run to start one; cron, webhook and pull-request runs show up here too.
        </p>
      ) : (
        <ul className="run-list" data-testid="run-history">
          {runs.map((run) => (
            // Keyed by run, so an opened run stays open across refreshes.
            <RunHistoryItem key={run.id} run={run} nodes={nodes} />
          ))}
        </ul>
      )}
    </div>
  )
}
