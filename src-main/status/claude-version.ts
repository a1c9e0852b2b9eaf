// `claude --version`, asked once and remembered: the settings screen and the
// status bar poll the status, and starting the CLI costs a few hundred ms.
import { execFile } from 'node:child_process'
import { INSTALL_HINT } from '../agent/claude-command'

export interface ClaudeVersion {
  version: string | null
  error: string | null
}

const TIMEOUT_MS = 10_000
/** A failed probe is retried after this long, so installing claude is noticed without a restart. */
const RETRY_FAILED_MS = 60_000

export function probeClaudeVersion(bin: string, env: NodeJS.ProcessEnv, timeoutMs = TIMEOUT_MS): Promise<ClaudeVersion> {
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { env, timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true }, (error, stdout, stderr) => {
      const text = String(stdout).trim()
      if (!error && text !== '') return resolve({ version: text.split('\n')[0]!.trim(), error: null })
      resolve({ version: null, error: explain(bin, error, String(stderr), timeoutMs) })
    })
  })
}

function explain(bin: string, error: (Error & { code?: unknown; killed?: boolean }) | null, stderr: string, timeoutMs: number): string {
  if (error?.code === 'ENOENT') return `${bin} was not found: ${INSTALL_HINT}`
  if (error?.code === 'EACCES') return `${bin} is not executable: ${INSTALL_HINT}`
  if (error?.killed) return `${bin} --version did not answer within ${Math.round(timeoutMs / 1000)} s`
  const detail = stderr.trim().split('\n')[0] || error?.message || 'no output'
  return `${bin} --version failed: ${detail}`
}

export class ClaudeVersionCache {
  private pending: Promise<ClaudeVersion> | null = null
  private failedAt = 0

  constructor(
    private readonly probe: () => Promise<ClaudeVersion>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<ClaudeVersion> {
    if (this.pending && this.failedAt > 0 && this.now() - this.failedAt > RETRY_FAILED_MS) this.pending = null
    this.pending ??= this.probe().then((result) => {
      this.failedAt = result.version === null ? this.now() : 0
      return result
    })
    return this.pending
  }
}
