// Which permission mode an executor's config asks for. Flows written by the
// original have no `permission_mode`: their `permissions` list keeps its old
// meaning (empty = skip every prompt, otherwise an allowlist with no prompts).
import type { PermissionMode } from '../contract/api'
import type { PermissionPolicy } from '../agent/claude-command'

export const PERMISSION_MODES: readonly PermissionMode[] = ['ask', 'allowed_tools', 'accept_edits', 'plan', 'skip']

export function isPermissionMode(value: unknown): value is PermissionMode {
  return typeof value === 'string' && (PERMISSION_MODES as readonly string[]).includes(value)
}

/**
 * `permission_mode` as configured; absent (or null/empty) means the original
 * behaviour. An unknown value asks: a typo must never silently skip prompts.
 */
export function permissionPolicy(configuredMode: unknown, permissions: readonly string[]): PermissionPolicy {
  if (configuredMode === undefined || configuredMode === null || configuredMode === '') {
    return permissions.length === 0 ? { mode: 'skip', allowed: [], prompts: false } : { mode: 'allowed_tools', allowed: permissions, prompts: false }
  }
  const mode = isPermissionMode(configuredMode) ? configuredMode : 'ask'
  return { mode, allowed: permissions, prompts: mode !== 'skip' && mode !== 'plan' }
}
