import { useId, type ReactNode } from 'react'
import { CircleAlert } from 'lucide-react'
import type { FieldSpec } from './form-fields'

/** Ids a control needs so its label, hint and problems are announced with it. */
export interface ControlIds {
  id: string
  describedBy: string
  invalid: boolean
}

interface FieldShellProps {
  spec: FieldSpec
  problems: string[]
  /** Lists and other multi-input controls are a labelled group, not one labelled input. */
  group?: boolean
  /** Extra help under the control (e.g. the cron preview); included in the description. */
  after?: ReactNode
  children: (ids: ControlIds) => ReactNode
}

/** Label, hint, the control and its problems, tied together with aria-describedby. */
export function FieldShell({ spec, problems, group = false, after, children }: FieldShellProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const problemId = `${id}-problem`
  const afterId = `${id}-after`
  const describedBy = [spec.hint ? hintId : '', problems.length > 0 ? problemId : '', after ? afterId : ''].filter(Boolean).join(' ')
  const ids: ControlIds = { id, describedBy, invalid: problems.length > 0 }
  const title = (
    <>
      {spec.label}
      {spec.required && <span className="pp-required" aria-hidden="true"> *</span>}
      {spec.required && <span className="pp-visually-hidden"> (required)</span>}
    </>
  )
  const body = (
    <>
      {spec.hint && (
        <p id={hintId} className="pp-hint">
          {spec.hint}
        </p>
      )}
      {children(ids)}
      {problems.length > 0 && (
        <ul id={problemId} className="pp-problems" data-testid={`problem-${spec.name}`}>
          {problems.map((message) => (
            <li key={message}>
              <CircleAlert size={13} aria-hidden="true" /> {message}
            </li>
          ))}
        </ul>
      )}
      {after && <div id={afterId}>{after}</div>}
    </>
  )
  if (group) {
    return (
      <fieldset className="pp-field pp-field--group" data-field={spec.name} aria-describedby={describedBy || undefined}>
        <legend className="pp-label">{title}</legend>
        {body}
      </fieldset>
    )
  }
  return (
    <div className="pp-field" data-field={spec.name}>
      <label className="pp-label" htmlFor={id}>
        {title}
      </label>
      {body}
    </div>
  )
}
