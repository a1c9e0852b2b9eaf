import { TriangleAlert } from 'lucide-react'
import { FieldShell } from './FieldShell'
import { asConfig } from './config-values'
import type { FieldSpec } from './form-fields'
import { PERMISSION_MODES, SKIP_WARNING, effectivePermissionMode, modeInfo } from './permission-mode'

interface PermissionModeFieldProps {
  spec: FieldSpec
  /** The whole executor config: an absent mode is read from `permissions`. */
  config: unknown
  problems: string[]
  onValue(value: unknown): void
}

// The select's value while the field is absent, so the original meaning can be kept on purpose.
const UNSET = ''

/** How the executor's claude handles tool permissions, with what the chosen mode means. */
export function PermissionModeField({ spec, config, problems, onValue }: PermissionModeFieldProps) {
  const effective = effectivePermissionMode(config)
  const info = modeInfo(effective.mode)
  const selected = effective.implied ? UNSET : effective.unknown ? String(asConfig(config).permission_mode) : effective.mode
  // What "not set" would mean for this config, whichever mode is chosen now.
  const original = effectivePermissionMode({ ...asConfig(config), permission_mode: undefined }).mode
  const impliedLabel = `Not set: ${modeInfo(original).label.toLowerCase()} (original behaviour)`
  const explanation = effective.implied
    ? `${info.explanation} Without a mode, ${effective.mode === 'skip' ? 'an empty Allowed tools list skips every check' : 'the Allowed tools list is all Claude may use'}, as in the original.`
    : info.explanation
  return (
    <FieldShell
      spec={spec}
      problems={problems}
      after={
        <>
          <p className="pp-hint" data-testid="permission-mode-explanation">
            {explanation}
          </p>
          {effective.mode === 'skip' && (
            <p className="pp-warning" role="note" data-testid="permission-mode-warning">
              <TriangleAlert size={14} aria-hidden="true" /> {SKIP_WARNING}
            </p>
          )}
        </>
      }
    >
      {(ids) => (
        <select
          id={ids.id}
          className="pp-input"
          value={selected}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy || undefined}
          data-testid="permission-mode"
          onChange={(event) => onValue(event.target.value === UNSET ? undefined : event.target.value)}
        >
          <option value={UNSET}>{impliedLabel}</option>
          {effective.unknown && <option value={selected}>{selected}</option>}
          {PERMISSION_MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}
