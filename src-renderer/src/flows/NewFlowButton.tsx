import { Plus } from 'lucide-react'
import { useShell } from '../shell/store'

/** Opens the new-flow dialog (also Ctrl+N). */
export function NewFlowButton({ compact = false }: { compact?: boolean }) {
  const open = useShell((state) => state.setNewFlowOpen)
  return (
    <button type="button" className={compact ? 'icon-button' : 'button button--primary'} aria-label="New flow" title="New flow (Ctrl+N)" data-testid="new-flow" onClick={() => open(true)}>
      <Plus size={15} aria-hidden="true" />
      {!compact && ' New flow'}
    </button>
  )
}
