// Runs an executor node's prompt through `claude` in print mode (§9.5):
// stream-json out (with partial messages, so the run can show text as it is
// written), the rendered prompt on stdin, the last `result` line wins.
import { asksOverStdio, OUTPUT_ARGS, permissionArgs, STREAM_INPUT_ARGS, userMessageLine, type PermissionPolicy } from '../agent/claude-command'
import { startClaude, type ClaudeRuntime } from '../agent/claude-runtime'
import { mapStdoutLine, type ResultLine, type ToolPermissionAsk } from '../agent/stream-json'

export interface BatchJob {
  prompt: string
  permissions: readonly string[] | PermissionPolicy
  appendSystemPrompt: string | undefined
  workingDir: string
  timeoutMs: number
}

export interface BatchHooks {
  /** Every stdout line, as it comes (live output). */
  onLine?: (line: string) => void
  /** Aborting ends the process group at once (a cancelled run). */
  signal?: AbortSignal
  /** A tool asks for permission; `write` sends the answer line to the process. */
  onPermission?: (ask: ToolPermissionAsk, write: (line: string) => void) => void
}

export class BatchCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export interface BatchResult {
  text: string
  cost: number
  turns: number
}

/**
 * The prompt goes to stdin (a `-` argument would reach the model as text).
 * When the CLI may ask for permission it needs stream-json input: the prompt
 * is then one user message, and stdin stays open until the `result`.
 */
export function batchArgs(job: Pick<BatchJob, 'permissions' | 'appendSystemPrompt'>): string[] {
  const input = asksOverStdio(job.permissions) ? STREAM_INPUT_ARGS : []
  return [...OUTPUT_ARGS, ...input, '--include-partial-messages', ...(job.appendSystemPrompt ? ['--append-system-prompt', job.appendSystemPrompt] : []), ...permissionArgs(job.permissions)]
}

export async function runBatch(job: BatchJob, runtime: ClaudeRuntime, hooks: BatchHooks = {}): Promise<BatchResult> {
  if (hooks.signal?.aborted) throw new BatchCancelled()
  let child
  try {
    child = await startClaude(runtime, batchArgs(job), job.workingDir)
  } catch (error) {
    throw new Error(`failed to spawn claude process: ${(error as Error).message}`)
  }
  if (hooks.signal?.aborted) {
    await child.kill()
    throw new BatchCancelled()
  }
  let last: ResultLine | undefined
  // The CLI's message when the API failed for good: the node fails with it.
  let apiError: string | undefined
  const streamed = asksOverStdio(job.permissions)
  const process_ = child
  child.onStdout((line) => {
    hooks.onLine?.(line)
    const mapped = mapStdoutLine(line, 'flow')
    apiError ??= mapped.apiError
    if (mapped.permissionRequest) hooks.onPermission?.(mapped.permissionRequest, (text) => void process_.write(text).catch(() => undefined))
    if (mapped.result) {
      last = mapped.result
      if (streamed) process_.endInput()
    }
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    void child.kill()
  }, job.timeoutMs)
  const cancel = () => void child.kill()
  hooks.signal?.addEventListener('abort', cancel, { once: true })
  try {
    await child.write(streamed ? userMessageLine(job.prompt) : job.prompt)
    if (!streamed) child.endInput()
  } catch (error) {
    clearTimeout(timer)
    hooks.signal?.removeEventListener('abort', cancel)
    await child.kill()
    if (hooks.signal?.aborted) throw new BatchCancelled()
    throw new Error(`stdin write failed: ${(error as Error).message}`)
  }
  const exit = await child.exited
  clearTimeout(timer)
  hooks.signal?.removeEventListener('abort', cancel)
  if (hooks.signal?.aborted) {
    throw new BatchCancelled()
  }
  if (timedOut) throw new Error(`claude process timed out after ${Math.round(job.timeoutMs / 1000)}s`)
  if (apiError !== undefined) throw new Error(apiError)
  if (exit.code !== 0) throw new Error(`claude exited with ${exit.signal ? `signal: ${exit.signal}` : `exit status: ${exit.code}`}`)
  return { text: last?.text ?? '', cost: last?.reportedCost ?? 0, turns: last?.turns ?? 0 }
}
