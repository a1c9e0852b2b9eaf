// An executor's `permission_mode` (docs/api.md §10.1): what each mode means, and which one an
// executor without the field effectively has. Pure, so the panel and the tests share it.
import type { PermissionMode } from '../../../src-main/contract/api'
import { asConfig, isBlank, stringList } from './config-values'

export interface ModeInfo {
  value: PermissionMode
  label: string
  explanation: string
}

export const PERMISSION_MODES: readonly ModeInfo[] = [
  { value: 'ask', label: 'Ask in the app', explanation: 'Every tool call that needs permission waits for your answer in Shoggoth.' },
  { value: 'allowed_tools', label: 'Allowed tools only', explanation: 'The tools listed under Allowed tools run unasked; anything else is asked in the app.' },
  { value: 'accept_edits', label: 'Accept edits', explanation: 'File edits in the working directory run unasked; other tools are asked in the app.' },
  { value: 'plan', label: 'Plan only', explanation: 'Nothing that writes may run; Claude is told why and plans instead.' },
  { value: 'skip', label: 'Skip all checks', explanation: 'Every tool runs without asking (--dangerously-skip-permissions).' },
]

export const SKIP_WARNING = 'Tools such as Bash and Edit run unasked: Claude can change or delete anything this machine lets it.'

export function isPermissionMode(value: unknown): value is PermissionMode {
  return PERMISSION_MODES.some((mode) => mode.value === value)
}

export interface EffectiveMode {
  mode: PermissionMode
  /** True when the field is absent and the mode follows from `permissions` (the original meaning). */
  implied: boolean
  /** True when a stored value is not one of the modes (the server treats it as `ask`). */
  unknown: boolean
}

/** Which mode the server applies to this executor config. */
export function effectivePermissionMode(config: unknown): EffectiveMode {
  const values = asConfig(config)
  const stored = values.permission_mode
  if (isBlank(stored)) {
    const mode = stringList(values.permissions).length === 0 ? 'skip' : 'allowed_tools'
    return { mode, implied: true, unknown: false }
  }
  if (isPermissionMode(stored)) return { mode: stored, implied: false, unknown: false }
  return { mode: 'ask', implied: false, unknown: true }
}

export function modeInfo(mode: PermissionMode): ModeInfo {
  return PERMISSION_MODES.find((info) => info.value === mode) ?? { value: mode, label: mode, explanation: '' }
}

/** A problem for the field, or null: an unknown mode is treated as `ask`, which should be said. */
export function permissionModeProblem(value: unknown): string | null {
  if (isBlank(value) || isPermissionMode(value)) return null
  return `Unknown mode "${String(value)}": treated as Ask in the app. Choose one of the listed modes.`
}
