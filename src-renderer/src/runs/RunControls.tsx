import { Loader2, Play, Square } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useEditor, useEditorServices, selectNodes } from '../editor/EditorContext'
import { revalidate } from '../editor/useFlowSession'
import { useApi } from '../shell/ApiContext'
import { latestRun, nodeRunStates, runProgress } from './node-states'
import { RunGate } from './RunGate'
import { useRuns } from './RunsProvider'
import { useFlowRuns } from './useFlowRuns'

/**
 * Run ▸ checks the flow first and, when it would fail, says why and offers
 * "Run anyway"; while a run is going it shows its progress and Cancel instead.
 */
export function RunControls({ flowId }: { flowId: string }) {
  const services = useEditorServices()
  const { client } = useApi()
  const trigger = useRuns((state) => state.trigger)
  const cancel = useRuns((state) => state.cancel)
  const flowRuns = useFlowRuns(flowId)
  const nodes = useEditor(selectNodes)
  const [gate, setGate] = useState(false)
  const [checking, setChecking] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const run = latestRun(flowRuns.runs)
  const running = run?.status === 'running'

  const progress = useMemo(() => {
    if (!running) return null
    const { done, total } = runProgress(nodes, nodeRunStates(nodes, run, flowRuns.log))
    return `${done} of ${total} nodes`
  }, [running, nodes, run, flowRuns.log])

  const start = async () => {
    setChecking(true)
    await services.saves.flush()
    await revalidate(client, services)
    setChecking(false)
    const { problems, checkFailed } = services.store.getState()
    // Warnings (no trigger, a bad schedule) do not stop a run by hand; an unanswered check asks first.
    const blocked = checkFailed !== null || problems.some((found) => found.severity !== 'warning')
    setGate(blocked)
    if (!blocked) void trigger(flowId)
  }

  if (running && run) {
    return (
      <div className="run-controls" data-testid="run-progress">
        <span className="run-controls__progress" role="status" aria-live="polite">
          <Loader2 size={14} className="spin" aria-hidden="true" /> Running · {progress}
        </span>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={cancelling}
          data-testid="cancel-run"
          onClick={async () => {
            setCancelling(true)
            await cancel(flowId, run.id)
            setCancelling(false)
          }}
        >
          <Square size={13} aria-hidden="true" /> {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    )
  }

  return (
    <div className="anchor">
      <button type="button" className="button button--primary button--small" disabled={checking || flowRuns.triggering} onClick={() => void start()} data-testid="run-flow" title="Run the flow now (Ctrl+Enter)">
        <Play size={13} aria-hidden="true" /> {checking ? 'Checking…' : flowRuns.triggering ? 'Starting…' : 'Run'}
      </button>
      <RunGate
        open={gate}
        onClose={() => setGate(false)}
        onRetryCheck={start}
        onRunAnyway={() => {
          setGate(false)
          void trigger(flowId)
        }}
      />
    </div>
  )
}
