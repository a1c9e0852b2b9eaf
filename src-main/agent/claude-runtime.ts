// How this app starts `claude`: which binary, with which extra environment,
// under which limits — and the one function every caller spawns it through.
import { childEnvironment } from './claude-command'
import type { ClaudeProcess } from './claude-process'
import type { ClaudeLauncher } from './launcher'

export interface ClaudeRuntime {
  bin: string
  /** Extra environment for every child (tests point the CLI at a local API). */
  childEnv: Record<string, string>
  isRoot: boolean
  turnTimeoutMs: number
  launcher: ClaudeLauncher
}

export interface StartOptions {
  stdin?: 'pipe' | 'ignore'
  /** The raw /claude proxy removes CLAUDECODE instead of emptying it. */
  removeClaudeCode?: boolean
}

export function startClaude(runtime: ClaudeRuntime, args: string[], cwd: string, options: StartOptions = {}): Promise<ClaudeProcess> {
  const env = childEnvironment(process.env, runtime.childEnv, args, { isRoot: runtime.isRoot, removeClaudeCode: options.removeClaudeCode ?? false })
  return runtime.launcher.start({ bin: runtime.bin, args, cwd, env, stdin: options.stdin ?? 'pipe' })
}
