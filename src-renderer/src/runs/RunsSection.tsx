import { useId } from 'react'
import { useFlowRuns } from './useFlowRuns'
import { useRunStream } from './useRunStream'
import { RunHistory } from './RunHistory'
import { RunLog } from './RunLog'
import { RunNowButton } from './RunNowButton'
import { RunStreamStatus } from './RunStreamStatus'

/** Start a run, watch it live, and look back at earlier ones. */
export function RunsSection({ flowId }: { flowId: string }) {
  // Mounted only while this flow is shown, so the stream closes when it is not.
  useRunStream(flowId)
  const { error } = useFlowRuns(flowId)
  const titleId = useId()

  return (
    <section className="runs" aria-labelledby={titleId} data-testid="runs-section">
      <div className="runs__head">
        <h3 id={titleId} className="section-title">
          Runs
        </h3>
        <RunStreamStatus flowId={flowId} />
        <RunNowButton flowId={flowId} />
      </div>
      {error !== null && (
        <p className="field__problem" role="alert" data-testid="runs-error">
          {error}
        </p>
      )}
      <RunLog flowId={flowId} />
      <RunHistory flowId={flowId} />
    </section>
  )
}
