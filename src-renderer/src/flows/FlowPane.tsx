import { useFlows } from './FlowsProvider'
import { ErrorBanner } from '../ui/ErrorBanner'
import { FlowDetails } from './FlowDetails'

/** The main area: the selected flow, its executor nodes and their chat, its runs and schedule. */
export function FlowPane() {
  const flow = useFlows((s) => s.flows.find((f) => f.id === s.selectedId))
  const hasFlows = useFlows((s) => s.flows.length > 0)

  return (
    <main className="pane">
      <ErrorBanner />
      {flow ? (
        // Keyed by id so half-done edits never carry over to another flow.
        <FlowDetails key={flow.id} flow={flow} />
      ) : (
        <p className="pane__placeholder">
          {hasFlows ? 'Select a flow to see its details.' : 'Create your first flow with the form on the left.'}
        </p>
      )}
    </main>
  )
}
