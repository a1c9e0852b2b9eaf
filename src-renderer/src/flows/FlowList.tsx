import { useFlows, useFlowsStore } from './FlowsProvider'
import { FlowListItem } from './FlowListItem'

export function FlowList() {
  const store = useFlowsStore()
  const flows = useFlows((s) => s.flows)
  const loaded = useFlows((s) => s.loaded)
  const loading = useFlows((s) => s.loading)
  const selectedId = useFlows((s) => s.selectedId)
  const select = useFlows((s) => s.select)

  if (!loaded) {
    return loading ? (
      <p className="list-note">Loading flows…</p>
    ) : (
      <p className="list-note">
        Flows could not be loaded.{' '}
        <button type="button" className="button button--small" onClick={() => void store.getState().load()}>
          Retry
        </button>
      </p>
    )
  }

  if (flows.length === 0) {
    return <p className="list-note" data-testid="flow-list-empty">No flows yet. Create one above.</p>
  }

  return (
    <section className="flow-list-section" aria-labelledby="flow-list-title">
      <h2 id="flow-list-title" className="section-title">
        Flows <span className="count">{flows.length}</span>
      </h2>
      <ul className="flow-list" data-testid="flow-list">
        {flows.map((flow) => (
          <li key={flow.id}>
            <FlowListItem flow={flow} selected={flow.id === selectedId} onSelect={select} />
          </li>
        ))}
      </ul>
    </section>
  )
}
