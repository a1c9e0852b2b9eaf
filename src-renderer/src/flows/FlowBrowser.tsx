import { Search } from 'lucide-react'
import { useId, useState } from 'react'
import { useShell, type FlowFilter } from '../shell/store'
import { filterFlows } from './flow-filter'
import { FlowListItem } from './FlowListItem'
import { useFlows, useFlowsStore } from './FlowsProvider'
import { NewFlowButton } from './NewFlowButton'

const FILTERS: { value: FlowFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'enabled', label: 'Enabled' },
  { value: 'disabled', label: 'Disabled' },
]

/** The flows in the sidebar: search, filter by enabled state, open one. */
export function FlowBrowser() {
  const store = useFlowsStore()
  const flows = useFlows((state) => state.flows)
  const loaded = useFlows((state) => state.loaded)
  const loading = useFlows((state) => state.loading)
  const selectedId = useFlows((state) => state.selectedId)
  const filter = useShell((state) => state.flowFilter)
  const setFilter = useShell((state) => state.setFlowFilter)
  const show = useShell((state) => state.show)
  const [query, setQuery] = useState('')
  const searchId = useId()
  const shown = filterFlows(flows, query, filter)

  return (
    <section className="sidebar-section" aria-label="Flows" data-testid="flow-browser">
      <div className="sidebar-section__head">
        <h2 className="section-title">
          Flows <span className="count">{flows.length}</span>
        </h2>
        <NewFlowButton compact />
      </div>
      <div className="search-box">
        <Search size={14} aria-hidden="true" />
        <label htmlFor={searchId} className="visually-hidden">
          Search flows
        </label>
        <input id={searchId} type="search" placeholder="Search flows" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="flow-search" />
      </div>
      <div className="segmented" role="group" aria-label="Show">
        {FILTERS.map(({ value, label }) => (
          <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {label}
          </button>
        ))}
      </div>
      {!loaded ? (
        loading ? (
          <p className="list-note">Loading flows…</p>
        ) : (
          <p className="list-note">
            Flows could not be loaded.{' '}
            <button type="button" className="button button--small" onClick={() => void store.getState().load()}>
              Retry
            </button>
          </p>
        )
      ) : flows.length === 0 ? (
        <p className="list-note" data-testid="flow-list-empty">
          No flows yet. Create one with + or start from a template.
        </p>
      ) : shown.length === 0 ? (
        <p className="list-note">No flow matches.</p>
      ) : (
        <ul className="flow-list" data-testid="flow-list">
          {shown.map((flow) => (
            <li key={flow.id}>
              <FlowListItem
                flow={flow}
                selected={flow.id === selectedId}
                onSelect={(id) => {
                  store.getState().select(id)
                  show('flow')
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
