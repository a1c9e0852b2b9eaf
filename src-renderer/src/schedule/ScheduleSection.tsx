import { useId } from 'react'
import type { FlowSummary } from '../../../src-main/contract/api'
import { useFlowSchedule } from './useFlowSchedule'
import { cronSchedule, triggerNode } from './schedule'
import { useFlows } from '../flows/FlowsProvider'
import { EnabledBadge } from '../flows/EnabledBadge'
import { NextRun } from './NextRun'
import { ScheduleEditor } from './ScheduleEditor'

/** When the flow runs by itself: its trigger, next run, and (for cron) the schedule to edit. */
export function ScheduleSection({ flow }: { flow: FlowSummary }) {
  const nodes = useFlows((s) => s.nodes[flow.id])
  // A saved flow gets a new updated_at, and enabling changes what the scheduler says: ask again.
  const { schedule, error } = useFlowSchedule(flow.id, `${flow.updated_at}|${flow.enabled}`)
  const titleId = useId()
  const trigger = nodes === undefined ? undefined : triggerNode(nodes)
  const editable = nodes !== undefined && (trigger === undefined || trigger.kind === 'cron')
  const saved = trigger === undefined ? '' : cronSchedule(trigger)

  return (
    <section className="schedule" aria-labelledby={titleId} data-testid="schedule-section">
      <h3 id={titleId} className="section-title">
        Schedule
      </h3>
      <dl className="facts schedule__facts">
        <div className="facts__item">
          <dt>Trigger</dt>
          <dd data-testid="schedule-trigger">
            {nodes === undefined ? '…' : trigger === undefined ? 'None (manual runs only)' : `${trigger.label || trigger.kind} · ${trigger.kind}`}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Flow</dt>
          <dd>
            <EnabledBadge enabled={flow.enabled} />
          </dd>
        </div>
        <div className="facts__item">
          <dt>Next run</dt>
          <dd data-testid="schedule-next-run">
            <NextRun schedule={schedule} enabled={flow.enabled} />
          </dd>
        </div>
      </dl>
      {error !== null && (
        <p className="field__problem" role="alert">
          Could not load the schedule: {error}
        </p>
      )}
      {editable && (
        // Keyed by what is saved, so a save (or a change elsewhere) resets the draft.
        <ScheduleEditor key={`${trigger?.id ?? 'none'}|${saved}`} flowId={flow.id} saved={saved} hasTrigger={trigger !== undefined} />
      )}
    </section>
  )
}
