import { useLayoutEffect, useRef } from 'react'
import { useFlowRuns } from './useFlowRuns'
import { useFlows } from '../flows/FlowsProvider'
import { useRuns } from './RunsProvider'
import { RunLogGroupView } from './RunLogGroupView'
import { Banner } from '../ui/Banner'

// Within this many pixels of the bottom the log keeps following new lines.
const STICKY_PX = 32

/** Run events as they happen, grouped by run. */
export function RunLog({ flowId }: { flowId: string }) {
  const { log, notice } = useFlowRuns(flowId)
  const nodes = useFlows((s) => s.nodes[flowId])
  const dismissNotice = useRuns((s) => s.dismissNotice)
  const box = useRef<HTMLDivElement>(null)
  const stuck = useRef(true)

  useLayoutEffect(() => {
    const element = box.current
    if (element && stuck.current) element.scrollTop = element.scrollHeight
  }, [log])

  return (
    <div className="run-log-wrap">
      {notice !== null && <Banner kind="notice" message={notice} onDismiss={() => dismissNotice(flowId)} testId="run-log-notice" />}
      <div
        ref={box}
        className="run-log"
        role="log"
        aria-label="Live run log"
        data-testid="run-log"
        onScroll={(event) => {
          const element = event.currentTarget
          stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_PX
        }}
      >
        {log.length === 0 ? (
          <p className="run-log__empty">Nothing live yet. Run the flow and its progress shows up here.</p>
        ) : (
          log.map((group) => <RunLogGroupView key={group.runId} group={group} nodes={nodes} />)
        )}
      </div>
    </div>
  )
}
