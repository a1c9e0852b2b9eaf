import { FlowList } from '../flows/FlowList'
import { NewFlowForm } from '../flows/NewFlowForm'

export function Sidebar() {
  return (
    <aside className="sidebar" aria-label="Flows">
      <NewFlowForm />
      <FlowList />
    </aside>
  )
}
