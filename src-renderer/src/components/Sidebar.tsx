import { FlowList } from './FlowList'
import { NewFlowForm } from './NewFlowForm'

export function Sidebar() {
  return (
    <aside className="sidebar" aria-label="Flows">
      <NewFlowForm />
      <FlowList />
    </aside>
  )
}
