import { useFlowRuns } from './useFlowRuns'
import { useFlows } from '../flows/FlowsProvider'
import { RunHistoryItem } from './RunHistoryItem'

/** Earlier runs, newest first; each opens to show its node runs. */
export function RunHistory({ flowId }: { flowId: string }) {
  const { runs, loaded } = useFlowRuns(flowId)
  const nodes = useFlows((s) => s.nodes[flowId])

  return (
    <div className="run-history">
      <h4 className="run-history__title">History</h4>
      {!loaded ? (
        <p className="list-note">Loading runs…</p>
      ) : runs.length === 0 ? (
        <p className="list-note" data-testid="run-history-empty">
          No runs yet.
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
