import { useState } from 'react'
import type { ControlIds } from './FieldShell'

interface NumberInputProps {
  ids: ControlIds
  value: unknown
  placeholder: string
  onValue(value: number | undefined): void
  /** Told when the typed text is not a number yet, so the field can say so. */
  onDraftProblem(problem: string | null): void
}

const parse = (text: string): number | undefined | 'invalid' => {
  if (text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : 'invalid'
}

/**
 * A number typed as text: "1." or "-" are fine while typing, so the text is kept locally
 * while it still means the stored value (or nothing yet); an outside change (undo) shows through.
 */
export function NumberInput({ ids, value, placeholder, onValue, onDraftProblem }: NumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const stored = typeof value === 'number' ? String(value) : value === undefined || value === null ? '' : String(value)
  const parsedDraft = draft === null ? null : parse(draft)
  const shown = draft !== null && (parsedDraft === 'invalid' || parsedDraft === value) ? draft : stored

  return (
    <input
      id={ids.id}
      className="pp-input"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      placeholder={placeholder}
      value={shown}
      aria-invalid={ids.invalid || parsedDraft === 'invalid'}
      aria-describedby={ids.describedBy || undefined}
      onChange={(event) => {
        const text = event.target.value
        setDraft(text)
        const parsed = parse(text)
        onDraftProblem(parsed === 'invalid' ? 'Enter a number.' : null)
        // Emptied: the key is removed so the default applies again.
        if (parsed !== 'invalid') onValue(parsed)
      }}
      onBlur={() => {
        setDraft(null)
        onDraftProblem(null)
      }}
    />
  )
}
