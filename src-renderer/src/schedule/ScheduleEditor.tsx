import { useId, useState, type SubmitEvent } from 'react'
import { useCronValidation } from './useCronValidation'
import { withCronSchedule } from './schedule'
import { useFlows } from '../flows/FlowsProvider'
import { CronPreview } from './CronPreview'

interface ScheduleEditorProps {
  flowId: string
  /** The schedule stored now ('' when none). */
  saved: string
  /** False: saving adds a cron trigger node to the flow. */
  hasTrigger: boolean
}

/** A cron expression field, checked as you type, saved into the flow's trigger node. */
export function ScheduleEditor({ flowId, saved, hasTrigger }: ScheduleEditorProps) {
  const editNodes = useFlows((s) => s.editNodes)
  const [draft, setDraft] = useState(saved)
  const [saving, setSaving] = useState(false)
  const check = useCronValidation(draft)
  const hintId = useId()
  const expression = draft.trim()
  const canSave = check.state === 'valid' && check.nextRuns.length > 0 && expression !== saved.trim() && !saving

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (!canSave) return
    setSaving(true)
    // On success this editor is replaced by one keyed to the new schedule; on failure the banner says why.
    await editNodes(flowId, (nodes) => withCronSchedule(nodes, expression))
    setSaving(false)
  }

  return (
    <form className="schedule-editor" aria-label="Edit schedule" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span className="field__label">
          Cron schedule <span className="field__hint">(minute hour day month weekday, in UTC)</span>
        </span>
        <input
          autoComplete="off"
          spellCheck={false}
          placeholder="0 9 * * 1-5"
          value={draft}
          aria-invalid={check.state === 'invalid'}
          aria-describedby={hintId}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <div id={hintId} aria-live="polite">
        <CronPreview check={check} />
      </div>
      <div className="schedule-editor__actions">
        <button type="submit" className="button button--primary button--small" disabled={!canSave}>
          {saving ? 'Saving…' : hasTrigger ? 'Save schedule' : 'Add schedule'}
        </button>
      </div>
    </form>
  )
}
