// How `claude` is started (contract §6.4, §9.5, §11.1, §15.4). Pure: argv and
// environment are built here and tested without spawning anything.

import type { PermissionMode } from '../contract/api'
import type { ChatImage } from '../contract/chat'

export const OUTPUT_ARGS = ['--print', '--verbose', '--output-format', 'stream-json'] as const
export const STREAM_INPUT_ARGS = ['--input-format', 'stream-json'] as const

/**
 * How a process treats tools that need permission. `prompts` is false for
 * flows written by the original (no permission_mode): they keep its flags.
 */
export interface PermissionPolicy {
  mode: PermissionMode
  /** The executor's `permissions` list (used by `allowed_tools`). */
  allowed: readonly string[]
  /** Rules approved "always" earlier, pre-approved with --allowedTools. */
  remembered?: readonly string[]
  prompts: boolean
}

const STDIO_PROMPTS = ['--permission-prompt-tool', 'stdio']

function allowedToolsArgs(rules: readonly string[]): string[] {
  return rules.length === 0 ? [] : ['--allowedTools', rules.join(',')]
}

/**
 * A plain list keeps the original meaning: empty skips permission prompts,
 * otherwise an allowlist. A policy maps its mode to the CLI's flags (checked
 * against 2.1.197): questions come over stdio as `can_use_tool` requests.
 */
export function permissionArgs(policy: readonly string[] | PermissionPolicy): string[] {
  if (isList(policy)) return policy.length === 0 ? ['--dangerously-skip-permissions'] : ['--allowedTools', policy.join(',')]
  const remembered = policy.remembered ?? []
  const prompts = policy.prompts ? STDIO_PROMPTS : []
  switch (policy.mode) {
    case 'skip':
      return ['--dangerously-skip-permissions']
    case 'plan':
      // Plan mode refuses writes itself; nothing is asked.
      return ['--permission-mode', 'plan']
    case 'allowed_tools':
      return [...allowedToolsArgs([...policy.allowed, ...remembered]), ...prompts]
    case 'accept_edits':
      return ['--permission-mode', 'acceptEdits', ...allowedToolsArgs(remembered), ...prompts]
    case 'ask':
      return [...allowedToolsArgs(remembered), ...prompts]
  }
}

function isList(policy: readonly string[] | PermissionPolicy): policy is readonly string[] {
  return Array.isArray(policy)
}

/** Permission questions arrive over stdio, which needs stream-json input (plain stdin text closes the stream). */
export function asksOverStdio(policy: readonly string[] | PermissionPolicy): boolean {
  return permissionArgs(policy).includes('--permission-prompt-tool')
}

export interface SessionStart {
  sessionId: string
  /** true once the Claude session exists (then it is resumed, not created). */
  resume: boolean
  systemPrompt?: string | undefined
}

/**
 * The system prompt goes to every process, resumed ones too: the CLI keeps
 * the conversation with the session, not the system prompt (a resume without
 * it runs on the CLI's default one — checked with 2.1.197).
 */
function sessionArgs({ sessionId, resume, systemPrompt }: SessionStart): string[] {
  return [...(resume ? ['--resume', sessionId] : ['--session-id', sessionId]), ...(systemPrompt ? ['--system-prompt', systemPrompt] : [])]
}

/**
 * What a warm process was started with that the executor's settings decide:
 * its permission flags and system prompt. When this changes, the process must
 * be replaced. Rules approved later ("session", "always") are left out: the
 * app answers those itself while the process lives.
 */
export function processFlags(permissions: readonly string[] | PermissionPolicy, systemPrompt: string | undefined): string {
  const settings = isList(permissions) ? permissions : { ...permissions, remembered: [] }
  return JSON.stringify([permissionArgs(settings), systemPrompt ?? ''])
}

/** A persistent node-chat process: one JSON user line per message on stdin. */
export function nodeSessionArgs(permissions: readonly string[] | PermissionPolicy, session: SessionStart): string[] {
  return [...OUTPUT_ARGS, ...STREAM_INPUT_ARGS, '--include-partial-messages', ...permissionArgs(permissions), ...sessionArgs(session)]
}

/**
 * A one-message flow-level process: the prompt arrives on stdin, then stdin
 * closes. No `-` argument: the CLI would take it as prompt text of its own.
 * When the CLI may ask, or the message carries images, the prompt is a
 * stream-json message instead and stdin stays open until the `result`.
 */
export function flowTurnArgs(permissions: readonly string[] | PermissionPolicy, session: SessionStart, streamInput = asksOverStdio(permissions)): string[] {
  const input = streamInput ? STREAM_INPUT_ARGS : []
  return [...OUTPUT_ARGS, ...input, '--include-partial-messages', ...permissionArgs(permissions), ...sessionArgs(session)]
}

/** The raw proxy of POST /claude: plain text output, the prompt as the last argument. */
export function rawPromptArgs(prompt: string): string[] {
  return ['--print', '--dangerously-skip-permissions', prompt]
}

/** Prompt summarising: no tools at all; the request arrives on stdin. */
export const SUMMARIZE_ARGS = ['--print', '--allowedTools', ''] as const

/**
 * One user message on stream-json stdin. Plain text stays a string, so a
 * message starting with `/` reaches the CLI as a slash command; images go
 * first, as the API's base64 image blocks, then the text.
 */
export function userMessageLine(text: string, images: readonly ChatImage[] = []): string {
  const content =
    images.length === 0
      ? text
      : [...images.map((image) => ({ type: 'image', source: { type: 'base64', media_type: image.media_type, data: image.data } })), ...(text === '' ? [] : [{ type: 'text', text }])]
  return `${JSON.stringify({ type: 'user', message: { role: 'user', content } })}\n`
}

/** The answer to a `can_use_tool` control request. */
export function controlResponseLine(requestId: string, response: Record<string, unknown>): string {
  return `${JSON.stringify({ type: 'control_response', response: { subtype: 'success', request_id: requestId, response } })}\n`
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
