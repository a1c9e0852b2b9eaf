// Every `claude` child is started here, so none outlives the app. Each carries
// a tag in its environment, SHOGGOTH_OWNER=<data dir key>:<our pid>:<our start
// time>:<n>, which everything it starts inherits. All children still running
// are ended at shutdown; at the next start after a crash, every process tagged
// for this data dir whose owner is gone is ended (the tag survives the death
// of both the app and `claude`). The pids also go to
// `<data dir>/claude-children.json` for the status view and for children of
// versions without the tag.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Logger } from '../log'
import type { FileWriteQueue } from '../storage/write-queue'
import { ClaudeProcess, signalGroup, type Launch } from './claude-process'
import { killTree, listProcesses, startTimeOf } from './process-tree'

const run = promisify(execFile)

export class ClaudeLauncher {
  private readonly running = new Set<ClaudeProcess>()
  /** Each child's argv, so the status view can tell a chat from a run executor. */
  private readonly argsOf = new WeakMap<ClaudeProcess, readonly string[]>()
  /** Tags of this data dir start with it, whichever process owns them. */
  private readonly dirKey: string
  private ownerPrefix: Promise<string> | null = null
  private started = 0

  constructor(
    private readonly registryFile: string,
    private readonly writer: FileWriteQueue,
    private readonly log: Logger,
  ) {
    this.dirKey = createHash('sha256').update(resolve(dirname(registryFile))).digest('hex').slice(0, 12)
  }

  async start(launch: Launch): Promise<ClaudeProcess> {
    const owner = `${await this.prefix()}${++this.started}`
    const child = await ClaudeProcess.start({ ...launch, owner })
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

  /** Ends every child still running and all they started (app shutdown). */
  async endAll(): Promise<void> {
    await Promise.all([...this.running].map((child) => child.kill()))
    await this.record()
  }

  /**
   * The last resort when a graceful stop took too long: SIGKILL every process
   * carrying this app's tag (claude and everything it started) at once.
   */
  async forceEndAll(): Promise<number> {
    const prefix = await this.prefix()
    return killTree(-1, (tag) => tag.startsWith(prefix)).catch(() => 0)
  }

  /** At start: end what a killed previous run of this data dir left behind. */
  async sweepLeftovers(): Promise<number> {
    const mine = `${this.dirKey}:`
    const deadOwners = new Map<string, boolean>()
    const ownerGone = async (tag: string): Promise<boolean> => {
      if (!tag.startsWith(mine)) return false
      const owner = tag.split(':').slice(1, 3).join(':')
      if (!deadOwners.has(owner)) deadOwners.set(owner, await isGone(owner))
      return deadOwners.get(owner)!
    }
    // The match must be synchronous: settle every owner's liveness first.
    const table = await listProcesses().catch(() => [])
    const gone = new Set<string>()
    for (const info of table) if (info.owner !== null && (await ownerGone(info.owner))) gone.add(info.owner)
    let ended = gone.size > 0 ? await killTree(-1, (tag) => gone.has(tag)).catch(() => 0) : 0

    // Children of a version without the tag: a group leader running claude.
    for (const pid of await this.registeredPids()) {
      const tagged = table.find((info) => info.pid === pid)?.owner
      if (tagged == null && (await isClaudeGroupLeader(pid))) {
        signalGroup(pid, 'SIGKILL')
        ended++
      }
    }
    if (ended > 0) this.log.warn(`ended ${ended} process(es) (claude and what it started) left running by a previous run`)
    await this.record()
    return ended
  }

  private async registeredPids(): Promise<number[]> {
    try {
      const parsed = JSON.parse(await readFile(this.registryFile, 'utf8')) as { pids?: unknown }
      return Array.isArray(parsed.pids) ? parsed.pids.filter((pid): pid is number => Number.isInteger(pid) && pid > 1) : []
    } catch {
      return []
    }
  }

  /** `<dir key>:<pid>:<start time>:` — with the start time, a reused pid is not taken for us. */
  private prefix(): Promise<string> {
    this.ownerPrefix ??= startTimeOf(process.pid).then(
      (started) => `${this.dirKey}:${process.pid}:${stamp(started)}:`,
      () => `${this.dirKey}:${process.pid}:${stamp(null)}:`,
    )
    return this.ownerPrefix
  }

  private record(): Promise<void> {
    return this.writer.write(this.registryFile, `${JSON.stringify({ pids: this.pids() })}\n`).catch((error: unknown) => {
      this.log.warn(`could not record claude child pids: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
}

/** A start time as a tag part (macOS gives a date with spaces and colons); '0' when unknown. */
function stamp(started: string | null): string {
  return started === null ? '0' : started.replace(/[^0-9A-Za-z]/g, '') || '0'
}

/** An owner `<pid>:<start time>` is gone when no process with that pid started then. */
async function isGone(owner: string): Promise<boolean> {
  const [pid, started] = owner.split(':')
  const now = await startTimeOf(Number(pid)).catch(() => null)
  if (now === null) return true
  return started !== '0' && stamp(now) !== started
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
