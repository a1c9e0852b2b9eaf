// How `claude` is started (contract §6.4, §9.5, §11.1, §15.4). Pure: argv and
// environment are built here and tested without spawning anything.

export const OUTPUT_ARGS = ['--print', '--verbose', '--output-format', 'stream-json'] as const

/** An empty permission list means "skip permission prompts"; otherwise an allowlist. */
export function permissionArgs(permissions: readonly string[]): string[] {
  return permissions.length === 0 ? ['--dangerously-skip-permissions'] : ['--allowedTools', permissions.join(',')]
}

export interface SessionStart {
  sessionId: string
  /** true once the Claude session exists (then it is resumed, not created). */
  resume: boolean
  systemPrompt?: string | undefined
}

function sessionArgs({ sessionId, resume, systemPrompt }: SessionStart): string[] {
  if (resume) return ['--resume', sessionId]
  return ['--session-id', sessionId, ...(systemPrompt ? ['--system-prompt', systemPrompt] : [])]
}

/** A persistent node-chat process: one JSON user line per message on stdin. */
export function nodeSessionArgs(permissions: readonly string[], session: SessionStart): string[] {
  return [...OUTPUT_ARGS, '--input-format', 'stream-json', '--include-partial-messages', ...permissionArgs(permissions), ...sessionArgs(session)]
}

/**
 * A one-message flow-level process: the prompt arrives on stdin, then stdin
 * closes. No `-` argument: the CLI would take it as prompt text of its own.
 */
export function flowTurnArgs(permissions: readonly string[], session: SessionStart): string[] {
  return [...OUTPUT_ARGS, '--include-partial-messages', ...permissionArgs(permissions), ...sessionArgs(session)]
}

/** The raw proxy of POST /claude: plain text output, the prompt as the last argument. */
export function rawPromptArgs(prompt: string): string[] {
  return ['--print', '--dangerously-skip-permissions', prompt]
}

/** Prompt summarising: no tools at all; the request arrives on stdin. */
export const SUMMARIZE_ARGS = ['--print', '--allowedTools', ''] as const

export function userMessageLine(text: string): string {
  return `${JSON.stringify({ type: 'user', message: { role: 'user', content: text } })}\n`
}

export function interruptLine(requestId: string): string {
  return `${JSON.stringify({ type: 'control_request', request_id: requestId, request: { subtype: 'interrupt' } })}\n`
}

export interface ChildEnvOptions {
  /** Remove CLAUDECODE instead of setting it empty (the raw /claude proxy). */
  removeClaudeCode?: boolean
  isRoot: boolean
}

/**
 * The child's environment: ours plus `extra`, CLAUDECODE emptied (so a nested
 * CLI does not think it runs inside another one), and IS_SANDBOX=1 only when
 * running as root with --dangerously-skip-permissions, which the CLI refuses otherwise.
 */
export function childEnvironment(base: NodeJS.ProcessEnv, extra: Record<string, string>, args: readonly string[], options: ChildEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...extra }
  if (options.removeClaudeCode) delete env.CLAUDECODE
  else env.CLAUDECODE = ''
  if (options.isRoot && args.includes('--dangerously-skip-permissions')) env.IS_SANDBOX = '1'
  else delete env.IS_SANDBOX
  return env
}

export const INSTALL_HINT = 'install Claude Code (npm install -g @anthropic-ai/claude-code) or point SHOGGOTH_CLAUDE_BIN at the claude executable'
