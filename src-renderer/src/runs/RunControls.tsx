import { Loader2, Play, Square } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useEditor, useEditorServices, selectNodes } from '../editor/EditorContext'
import { ProblemList } from '../editor/ProblemList'
import { revalidate } from '../editor/useFlowSession'
import { useApi } from '../shell/ApiContext'
import { Popover } from '../ui/Popover'
import { latestRun, nodeRunStates, runProgress } from './node-states'
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
  const problems = useEditor((state) => state.problems)
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
    // Warnings (no trigger, a bad schedule) do not stop a run by hand.
    if (services.store.getState().problems.some((found) => found.severity !== 'warning')) setGate(true)
    else void trigger(flowId)
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
      <Popover open={gate} onClose={() => setGate(false)} label="Run anyway?" testId="run-gate">
        <h3 className="popover__title">This run would fail</h3>
        <ProblemList problems={problems.filter((found) => found.severity !== 'warning')} onPick={() => setGate(false)} />
        <div className="popover__actions">
          <button type="button" className="button button--small" onClick={() => setGate(false)}>
            Fix first
          </button>
          <button
            type="button"
            className="button button--small button--warn"
            data-testid="run-anyway"
            onClick={() => {
              setGate(false)
              void trigger(flowId)
            }}
          >
            Run anyway
          </button>
        </div>
      </Popover>
    </div>
  )
}
