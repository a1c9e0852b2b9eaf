import { useState } from 'react'
import type { FlowSummary } from '../../../src-main/contract/api'
import { useFlows } from './FlowsProvider'

/** A switch for the flow's `enabled` flag; locked while the change is in flight. */
export function EnabledToggle({ flow }: { flow: FlowSummary }) {
  const setEnabled = useFlows((s) => s.setEnabled)
  const [busy, setBusy] = useState(false)

  const toggle = async (): Promise<void> => {
    setBusy(true)
    await setEnabled(flow.id, !flow.enabled)
    setBusy(false)
  }

  return (
    <button
      type="button"
      role="switch"
      aria-checked={flow.enabled}
      className="switch"
      disabled={busy}
      onClick={() => void toggle()}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      Enabled
    </button>
  )
}
