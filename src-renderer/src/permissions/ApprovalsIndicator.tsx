import { useCallback, useEffect, useMemo, useState } from 'react'
import { ShieldAlert, ShieldCheck } from 'lucide-react'
import { Popover } from '../ui/Popover'
import { useFlows } from '../flows/FlowsProvider'
import { ApprovalCard } from './ApprovalCard'
import { originText } from './permission-format'
import { pendingList } from './permission-state'
import { usePermissions } from './store'

/** The title bar's count of questions waiting, opening a list of all of them (chats and runs). */
export function ApprovalsIndicator() {
  const pendingById = usePermissions((state) => state.pending)
  const pending = useMemo(() => pendingList(pendingById), [pendingById])
  const flows = useFlows((state) => state.flows)
  const nodes = useFlows((state) => state.nodes)
  const loadNodes = useFlows((state) => state.loadNodes)
  const [open, setOpen] = useState(false)
  const close = useCallback(() => setOpen(false), [])
  const count = pending.length
  // Node labels come with a flow's full record; fetch the ones the list needs when it opens.
  useEffect(() => {
    if (!open) return
    const missing = new Set(pending.map((request) => request.flow_id).filter((id) => nodes[id] === undefined))
    for (const id of missing) void loadNodes(id)
  }, [open, pending, nodes, loadNodes])
  const label = count === 0 ? 'Approvals: nothing waiting' : `Approvals: ${count} waiting`

  return (
    <div className="anchor">
      <button
        type="button"
        className={`icon-button approvals-indicator${count > 0 ? ' approvals-indicator--waiting' : ''}`}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((value) => !value)}
        data-testid="approvals-indicator"
        data-count={count}
      >
        {count > 0 ? <ShieldAlert size={15} aria-hidden="true" /> : <ShieldCheck size={15} aria-hidden="true" />}
        {count > 0 && <span className="approvals-indicator__count">{count}</span>}
      </button>
      <Popover open={open} onClose={close} label="Waiting for approval" testId="approvals-popover">
        <h2 className="popover__title">Waiting for approval</h2>
        {count === 0 && <p className="approvals__empty">Nothing is waiting. Questions from chats and runs show up here.</p>}
        <div className="approvals__list">
          {pending.map((request) => {
            const flowName = flows.find((flow) => flow.id === request.flow_id)?.name
            const nodeLabel = nodes[request.flow_id]?.find((node) => node.id === request.node_id)?.label
            return <ApprovalCard key={request.id} request={request} origin={originText(request, flowName, nodeLabel)} />
          })}
        </div>
      </Popover>
      <span className="visually-hidden" aria-live="polite">
        {count > 0 ? label : ''}
      </span>
    </div>
  )
}
