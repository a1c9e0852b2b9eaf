import { FieldShell } from './FieldShell'
import type { FieldSpec } from './form-fields'
import { CronPreview } from '../schedule/CronPreview'
import { useCronValidation } from '../schedule/useCronValidation'
import { describeCron } from './cron-describe'

interface CronFieldProps {
  spec: FieldSpec
  value: string
  problems: string[]
  onValue(value: string): void
}

/** A cron expression with its meaning and next runs, checked by the server as it is typed. */
export function CronField({ spec, value, problems, onValue }: CronFieldProps) {
  const check = useCronValidation(value)
  // A local shape problem is already said at the field; the server would only repeat it.
  const preview =
    problems.length === 0 && value.trim() !== '' ? (
      <div aria-live="polite" className="pp-cron">
        <p className="pp-hint">{describeCron(value)}</p>
        <CronPreview check={check} />
      </div>
    ) : null
  return (
    <FieldShell spec={{ ...spec, hint: 'minute hour day month weekday, in UTC; or @daily, @hourly…' }} problems={problems} after={preview}>
      {(ids) => (
        <input
          id={ids.id}
          className="pp-input pp-input--mono"
          value={value}
          placeholder={spec.placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={ids.invalid || check.state === 'invalid'}
          aria-describedby={ids.describedBy || undefined}
          onChange={(event) => onValue(event.target.value)}
        />
      )}
    </FieldShell>
  )
}
