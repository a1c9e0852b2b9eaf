import { KeyRound } from 'lucide-react'
import { FieldShell } from './FieldShell'
import type { FieldSpec } from './form-fields'

interface SecretFieldProps {
  spec: FieldSpec
  value: string
  problems: string[]
  onValue(value: string): void
}

/** The NAME of an environment variable that holds a secret; the secret itself never enters the flow. */
export function SecretField({ spec, value, problems, onValue }: SecretFieldProps) {
  const hint = `The name of an environment variable set where Shoggoth runs, e.g. ${spec.placeholder ?? 'MY_TOKEN'}. Never paste the secret itself.`
  return (
    <FieldShell spec={{ ...spec, hint }} problems={problems}>
      {(ids) => (
        <div className="pp-affix">
          <KeyRound size={14} aria-hidden="true" className="pp-affix__icon" />
          <input
            id={ids.id}
            className="pp-input pp-input--mono"
            value={value}
            placeholder={spec.placeholder}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy || undefined}
            onChange={(event) => onValue(event.target.value)}
          />
        </div>
      )}
    </FieldShell>
  )
}
