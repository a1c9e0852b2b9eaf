// What an executor node's config says about how its `claude` runs, read
// straight from the config (never dropped on a failure elsewhere — §13.10).
import { isAbsolute, resolve } from 'node:path'
import type { Flow, FlowNode } from '../contract/api'
import type { PermissionPolicy } from '../agent/claude-command'
import { permissionPolicy } from '../permissions/modes'

export interface ExecutorSettings {
  permissions: string[]
  /** `permission_mode` with `permissions` (absent mode: the original meaning). */
  policy: PermissionPolicy
  appendSystemPrompt: string | undefined
  /** As configured (may be relative), or the server's cwd. */
  workingDirAsConfigured: string
  /** Absolute: relative paths resolve against the server's cwd. */
  workingDir: string
}

/** The executor with this id, or (no id) the flow's first executor. */
export function findExecutor(flow: Flow, nodeId?: string): FlowNode | undefined {
  return flow.nodes.find((node) => node.node_type === 'executor' && (nodeId === undefined || node.id === nodeId))
}

export function executorSettings(node: FlowNode | undefined, serverCwd: string): ExecutorSettings {
  const config = node && typeof node.config === 'object' && node.config !== null ? (node.config as Record<string, unknown>) : {}
  const permissions = Array.isArray(config.permissions) ? config.permissions.filter((p): p is string => typeof p === 'string') : []
  const configured = typeof config.working_dir === 'string' && config.working_dir !== '' ? config.working_dir : serverCwd
  return {
    permissions,
    policy: permissionPolicy(config.permission_mode, permissions),
    appendSystemPrompt: typeof config.append_system_prompt === 'string' && config.append_system_prompt !== '' ? config.append_system_prompt : undefined,
    workingDirAsConfigured: configured,
    workingDir: isAbsolute(configured) ? configured : resolve(serverCwd, configured),
  }
}
