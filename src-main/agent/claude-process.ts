// One running `claude` child: its own process group, line-by-line
// stdout/stderr, a kill that reaches everything it started (process-tree.ts),
// and spawn failures explained in words a user can act on.
import { createInterface } from 'node:readline'
import type { execa as Execa } from 'execa'
import { INSTALL_HINT } from './claude-command'
import { findTree, killTree, OWNER_VARIABLE, signalProcesses, type OwnerMatch, type ProcessInfo } from './process-tree'

export interface Launch {
  bin: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** 'pipe' keeps stdin open for messages; 'ignore' gives the child none. */
  stdin: 'pipe' | 'ignore'
  /** A tag put in the child's environment (SHOGGOTH_OWNER) that all it starts inherits. */
  owner?: string
}

export interface Exit {
  /** The exit code, or -1 when a signal ended the process. */
  code: number
  signal: string | null
}

export class SpawnError extends Error {}

const KILL_GRACE_MS = 2_000

let execaModule: Promise<typeof import('execa')> | undefined

/**
 * execa and its helpers take a sixth of a second to load, which no start should
 * wait for: loaded on the first spawn, or ahead of it by warmUpSpawning().
 */
function loadExeca(): Promise<typeof import('execa')> {
  execaModule ??= import('execa')
  return execaModule
}

/** Loads what spawning `claude` needs, once the app has started and has a moment. */
export function warmUpSpawning(): void {
  void loadExeca()
}

export class ClaudeProcess {
  private stdoutListener: ((line: string) => void) | null = null
  private stderrListener: ((line: string) => void) | null = null
  private exitInfo: Exit | null = null
  /** Descendants seen before a kill: found again after `claude` is gone even if re-parented. */
  private seen: ProcessInfo[] = []
  private readonly ownerMatch: OwnerMatch
  /** Resolves once the process has exited and whatever it left running is ended. */
  readonly exited: Promise<Exit>

  private constructor(
    readonly pid: number,
    private readonly child: ReturnType<typeof Execa>,
    owner: string | undefined,
  ) {
    this.ownerMatch = owner === undefined ? null : (tag) => tag === owner
    createInterface({ input: child.stdout!, crlfDelay: Infinity }).on('line', (line) => this.stdoutListener?.(line))
    createInterface({ input: child.stderr!, crlfDelay: Infinity }).on('line', (line) => {
      if (line.trim() !== '') this.stderrListener?.(line)
    })
    // 'close' comes after stdout is drained, so no line is lost to a race.
    this.exited = new Promise<Exit>((resolve) =>
      child.on('close', (code, signal) => {
        this.exitInfo = { code: code ?? -1, signal }
        resolve(this.exitInfo)
      }),
    ).then(async (exit) => {
      // Commands the CLI started in sessions of their own outlive it otherwise.
      signalGroup(this.pid, 'SIGKILL')
      await killTree(this.pid, this.ownerMatch, this.seen).catch(() => 0)
      return exit
    })
    child.stdin?.on('error', () => undefined)
    void child.catch(() => undefined)
  }

  static async start(launch: Launch): Promise<ClaudeProcess> {
    const { execa } = await loadExeca()
    const child = execa(launch.bin, launch.args, {
      cwd: launch.cwd,
      env: childEnv(launch),
      extendEnv: false,
      stdin: launch.stdin,
      stdout: 'pipe',
      stderr: 'pipe',
      detached: true,
      buffer: false,
      reject: false,
      cleanup: false,
    })
    if (child.pid === undefined) {
      const result = await child
      throw new SpawnError(explainSpawnFailure(launch, result.code, result.originalMessage ?? result.shortMessage ?? 'unknown error'))
    }
    return new ClaudeProcess(child.pid, child, launch.owner)
  }

  get hasExited(): boolean {
    return this.exitInfo !== null
  }

  /** Receives every stdout line from now on (one listener: the current turn). */
  onStdout(listener: ((line: string) => void) | null): void {
    this.stdoutListener = listener
  }

  onStderr(listener: ((line: string) => void) | null): void {
    this.stderrListener = listener
  }

  /** Writes to stdin; rejects if the pipe is gone. */
  write(text: string): Promise<void> {
    const stdin = this.child.stdin
    if (!stdin || stdin.destroyed || !stdin.writable) return Promise.reject(new Error('stdin is closed'))
    return new Promise((resolve, reject) => stdin.write(text, (error) => (error ? reject(error) : resolve())))
  }

  endInput(): void {
    this.child.stdin?.end()
  }

  /**
   * SIGTERM to the process group and to every descendant (found before the
   * signal, while still connected to `claude`), SIGKILL if `claude` is still
   * there after a grace period; once it is gone, whatever remains is killed.
   */
  async kill(graceMs = KILL_GRACE_MS): Promise<Exit> {
    if (this.exitInfo) return this.exited
    this.seen = await findTree(this.pid, this.ownerMatch, this.seen).catch(() => this.seen)
    signalGroup(this.pid, 'SIGTERM')
    await signalProcesses(this.seen, 'SIGTERM').catch(() => [])
    const timer = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), graceMs)
    const exit = await this.exited
    clearTimeout(timer)
    return exit
  }

  /** Closes stdin so the CLI finishes on its own; kills it if it lingers. */
  async close(graceMs = KILL_GRACE_MS): Promise<Exit> {
    if (this.exitInfo) return this.exited
    this.endInput()
    const timer = setTimeout(() => void this.kill(), graceMs)
    const exit = await this.exited
    clearTimeout(timer)
    return exit
  }
}

/** Never passed on: with the API token, any tool `claude` runs could drive the app. */
const WITHHELD = ['SHOGGOTH_TOKEN'] as const

function childEnv(launch: Launch): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...launch.env }
  for (const name of WITHHELD) delete env[name]
  if (launch.owner !== undefined) env[OWNER_VARIABLE] = launch.owner
  return env
}

export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

function explainSpawnFailure(launch: Launch, code: string | undefined, detail: string): string {
  if (/"cwd" option is invalid/.test(detail)) return `working directory ${launch.cwd} does not exist`
  if (code === 'ENOENT') return `${launch.bin} was not found: ${INSTALL_HINT}`
  if (code === 'EACCES') return `${launch.bin} is not executable: ${INSTALL_HINT}`
  return detail.split('\n')[0] ?? 'unknown error'
}
