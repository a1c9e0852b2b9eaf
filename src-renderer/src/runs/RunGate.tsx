import { ProblemList } from '../editor/ProblemList'
import { useEditor } from '../editor/EditorContext'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import { Popover } from '../ui/Popover'

interface RunGateProps {
  open: boolean
  onClose: () => void
  /** Checks the flow again and, if it passes, runs it (what Run was asked for). */
  onRetryCheck: () => Promise<void>
  onRunAnyway: () => void
}

/** Asked before a run the check says would fail, or that could not be checked: fix first, or run anyway. */
export function RunGate({ open, onClose, onRetryCheck, onRunAnyway }: RunGateProps) {
  const problems = useEditor((state) => state.problems)
  const checkFailed = useEditor((state) => state.checkFailed)
  return (
    <Popover open={open} onClose={onClose} label="Run anyway?" testId="run-gate">
      {checkFailed ? (
        <>
          <h3 className="popover__title">The flow could not be checked before running</h3>
          <FailedActionBanner failed={{ ...checkFailed, retry: onRetryCheck }} testId="run-gate-failed" />
        </>
      ) : (
        <>
          <h3 className="popover__title">This run would fail</h3>
          <ProblemList problems={problems.filter((found) => found.severity !== 'warning')} onPick={onClose} />
        </>
      )}
      <div className="popover__actions">
        <button type="button" className="button button--small" onClick={onClose}>
          {checkFailed ? 'Not now' : 'Fix first'}
        </button>
        <button type="button" className="button button--small button--warn" data-testid="run-anyway" onClick={onRunAnyway}>
          Run anyway
        </button>
      </div>
    </Popover>
  )
}
