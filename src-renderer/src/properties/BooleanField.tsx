import { useId } from 'react'
import type { FieldSpec } from './form-fields'

interface BooleanFieldProps {
  spec: FieldSpec
  value: unknown
  problems: string[]
  onValue(value: boolean): void
}

/** A checkbox; an unset value shows the schema default. */
export function BooleanField({ spec, value, problems, onValue }: BooleanFieldProps) {
  const id = useId()
  const checked = typeof value === 'boolean' ? value : spec.defaultValue === true
  const hintId = `${id}-hint`
  const problemId = `${id}-problem`
  const describedBy = [spec.hint ? hintId : '', problems.length > 0 ? problemId : ''].filter(Boolean).join(' ')
  return (
    <div className="pp-field pp-check" data-field={spec.name}>
      <input
        id={id}
        type="checkbox"
        className="pp-checkbox"
        checked={checked}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onValue(event.target.checked)}
      />
      <div className="pp-check__text">
        <label className="pp-check__label" htmlFor={id}>
          {spec.label}
        </label>
        {spec.hint && (
          <p id={hintId} className="pp-hint">
            {spec.hint}
          </p>
        )}
        {problems.length > 0 && (
          <p id={problemId} className="pp-problems">
            {problems.join(' ')}
          </p>
        )}
      </div>
    </div>
  )
}
