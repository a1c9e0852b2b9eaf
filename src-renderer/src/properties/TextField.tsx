import { FieldShell } from './FieldShell'
import type { FieldSpec } from './form-fields'

interface TextFieldProps {
  spec: FieldSpec
  value: string
  problems: string[]
  onValue(value: string): void
  mono?: boolean
  multiline?: boolean
}

/** One line of text (URLs, selectors, paths), or a resizable block for longer text. */
export function TextField({ spec, value, problems, onValue, mono = false, multiline = false }: TextFieldProps) {
  const className = `pp-input${mono || multiline ? ' pp-input--mono' : ''}`
  return (
    <FieldShell spec={spec} problems={problems}>
      {(ids) =>
        multiline ? (
          <textarea
            id={ids.id}
            className={`${className} pp-textarea`}
            rows={4}
            value={value}
            placeholder={spec.placeholder}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy || undefined}
            onChange={(event) => onValue(event.target.value)}
          />
        ) : (
          <input
            id={ids.id}
            className={className}
            type={spec.control === 'url' ? 'url' : 'text'}
            value={value}
            placeholder={spec.placeholder}
            autoComplete="off"
            spellCheck={!mono}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy || undefined}
            onChange={(event) => onValue(event.target.value)}
          />
        )
      }
    </FieldShell>
  )
}
