import type { FlowSummary } from '../../../src-main/contract/api'
import { useFlows } from './FlowsProvider'
import { ConfirmDelete } from '../ui/ConfirmDelete'

/** Deletes a flow after an inline confirmation. */
export function DeleteControl({ flow }: { flow: FlowSummary }) {
  const remove = useFlows((s) => s.remove)
  return <ConfirmDelete label="Delete" question="Delete this flow?" groupLabel="Confirm delete" onConfirm={() => remove(flow.id)} />
}
