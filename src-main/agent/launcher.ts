// Every `claude` child is started here, so none outlives the app: their pids
// are kept in `<data dir>/claude-children.json` (swept at the next start if the
// app was killed) and all still running are ended at shutdown.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Logger } from '../log'
import type { FileWriteQueue } from '../storage/write-queue'
import { ClaudeProcess, signalGroup, type Launch } from './claude-process'

const run = promisify(execFile)

export class ClaudeLauncher {
  private readonly running = new Set<ClaudeProcess>()
  /** Each child's argv, so the status view can tell a chat from a run executor. */
  private readonly argsOf = new WeakMap<ClaudeProcess, readonly string[]>()

  constructor(
    private readonly registryFile: string,
    private readonly writer: FileWriteQueue,
    private readonly log: Logger,
  ) {}

  async start(launch: Launch): Promise<ClaudeProcess> {
    const child = await ClaudeProcess.start(launch)
    this.running.add(child)
    this.argsOf.set(child, launch.args)
    void this.record()
    void child.exited.then(() => {
      this.running.delete(child)
      void this.record()
    })
    return child
  }

  get size(): number {
    return this.running.size
  }

  pids(): number[] {
    return [...this.running].map((child) => child.pid)
  }

  /** The running children in start order (read-only view for GET /api/status). */
  children(): { pid: number; args: readonly string[] }[] {
    return [...this.running].map((child) => ({ pid: child.pid, args: this.argsOf.get(child) ?? [] }))
  }

  /** Ends every child still running (app shutdown). */
  async endAll(): Promise<void> {
    await Promise.all([...this.running].map((child) => child.kill()))
    await this.record()
  }

  /** At start: end the process groups a killed previous run left behind. */
  async sweepLeftovers(): Promise<number> {
    let pids: number[] = []
    try {
      const parsed = JSON.parse(await readFile(this.registryFile, 'utf8')) as { pids?: unknown }
      pids = Array.isArray(parsed.pids) ? parsed.pids.filter((pid): pid is number => Number.isInteger(pid) && pid > 1) : []
    } catch {
      return 0
    }
    let ended = 0
    for (const pid of pids) {
      // Only a group leader running claude is ours: the pid may have been reused.
      if (await isClaudeGroupLeader(pid)) {
        signalGroup(pid, 'SIGKILL')
        ended++
      }
    }
    if (ended > 0) this.log.warn(`ended ${ended} claude process(es) left running by a previous run`)
    await this.record()
    return ended
  }

  private record(): Promise<void> {
    return this.writer.write(this.registryFile, `${JSON.stringify({ pids: this.pids() })}\n`).catch((error: unknown) => {
      this.log.warn(`could not record claude child pids: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
}

async function isClaudeGroupLeader(pid: number): Promise<boolean> {
  try {
    const { stdout } = await run('ps', ['-o', 'pgid=,args=', '-p', String(pid)])
    const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim())
    return match !== null && Number(match[1]) === pid && /claude/i.test(match[2]!)
  } catch {
    return false
  }
}
