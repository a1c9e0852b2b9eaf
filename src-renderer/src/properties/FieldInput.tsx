import { useState } from 'react'
import { FieldShell } from './FieldShell'
import type { FieldSpec } from './form-fields'
import { repoList, stringList, text } from './config-values'
import { BooleanField } from './BooleanField'
import { CronField } from './CronField'
import { ListField } from './ListField'
import { NumberInput } from './NumberInput'
import { RepoListField } from './RepoListField'
import { SecretField } from './SecretField'
import { TextField } from './TextField'

export interface FieldInputProps {
  spec: FieldSpec
  value: unknown
  /** All problems of the form by field ("name" and "name.row"). */
  problems: Record<string, string[]>
  /** undefined removes the key, so the server's default applies. */
  onValue(value: unknown): void
}

const DIRECTORY_HINT = 'Must be an existing directory on the machine running Shoggoth; Validate checks it.'

/** The right input for one config field, chosen by its control. */
export function FieldInput({ spec, value, problems, onValue }: FieldInputProps) {
  const own = problems[spec.name] ?? []
  switch (spec.control) {
    case 'boolean':
      return <BooleanField spec={spec} value={value} problems={own} onValue={onValue} />
    case 'number':
      return <NumberField spec={spec} value={value} problems={own} onValue={onValue} />
    case 'select':
      return <SelectField spec={spec} value={value} problems={own} onValue={onValue} />
    case 'list':
    case 'permissions':
      return <ListField spec={spec} items={stringList(value)} problems={problems} onItems={onValue} />
    case 'repos':
      return <RepoListField spec={spec} repos={repoList(value)} problems={problems} onRepos={onValue} />
    case 'secret':
      return <SecretField spec={spec} value={text(value)} problems={own} onValue={onValue} />
    case 'cron':
      return <CronField spec={spec} value={text(value)} problems={own} onValue={onValue} />
    case 'directory':
      return <TextField spec={{ ...spec, hint: spec.hint ? `${spec.hint}. ${DIRECTORY_HINT}` : DIRECTORY_HINT }} value={text(value)} problems={own} onValue={onValue} mono />
    case 'multiline':
    case 'prompt':
      return <TextField spec={spec} value={text(value)} problems={own} onValue={onValue} multiline />
    case 'url':
      return <TextField spec={spec} value={text(value)} problems={own} onValue={onValue} mono />
    case 'permission-mode': // ConfigForm renders it with the whole config; plain text is the fallback
    case 'text':
      return <TextField spec={spec} value={text(value)} problems={own} onValue={onValue} />
  }
}

interface SingleProps {
  spec: FieldSpec
  value: unknown
  problems: string[]
  onValue(value: unknown): void
}

function NumberField({ spec, value, problems, onValue }: SingleProps) {
  const [draftProblem, setDraftProblem] = useState<string | null>(null)
  const shown = draftProblem ? [draftProblem] : problems
  const placeholder = spec.defaultValue === undefined ? '' : `${String(spec.defaultValue)} (default)`
  return (
    <FieldShell spec={spec} problems={shown}>
      {(ids) => <NumberInput ids={ids} value={value} placeholder={placeholder} onValue={onValue} onDraftProblem={setDraftProblem} />}
    </FieldShell>
  )
}

function SelectField({ spec, value, problems, onValue }: SingleProps) {
  const options = spec.options ?? []
  const current = typeof value === 'string' ? value : String(spec.defaultValue ?? '')
  const known = options.some((option) => option.value === current)
  return (
    <FieldShell spec={spec} problems={problems}>
      {(ids) => (
        <select id={ids.id} className="pp-input" value={current} aria-invalid={ids.invalid} aria-describedby={ids.describedBy || undefined}
          onChange={(event) => onValue(event.target.value)}>
          {/* A stored value outside the list stays visible rather than silently changing. */}
          {!known && <option value={current}>{current || '(not set)'}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}
