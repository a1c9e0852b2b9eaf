// Run history: at most 100 runs per flow, newest first, one JSON file each
// under runs/<flow_id>/, rewritten (atomically, coalesced) on every change.
// Runs a crash left `running` are marked failed when the app starts.
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { FlowRun } from '../contract/api'
import type { Logger } from '../log'
import { isSafeId } from '../storage/ids'
import { loadJsonDir, prettyJson } from '../storage/json-dir'
import type { FileWriteQueue } from '../storage/write-queue'
import { decodeWith } from '../schema'
import { storedTimestamp } from '../time'
import { storedRunSchema } from './model'

export const RUNS_PER_FLOW = 100
export const INTERRUPTED = 'interrupted by shutdown'

export class RunStore {
  /** flow id → runs, oldest first */
  private readonly runs = new Map<string, FlowRun[]>()
  /** Saves asked for and not yet serialized, by run. */
  private readonly saving = new Map<FlowRun, Promise<void>>()

  constructor(
    private readonly dir: string,
    private readonly writer: FileWriteQueue,
    private readonly log: Logger,
  ) {}

  async load(): Promise<number> {
    const folders = await readdir(this.dir, { withFileTypes: true }).catch(() => [])
    let total = 0
    for (const folder of folders.filter((entry) => entry.isDirectory() && isSafeId(entry.name))) {
      const loaded = await loadJsonDir(join(this.dir, folder.name), decodeWith(storedRunSchema), this.log)
      const runs = loaded.map((file) => file.value).filter((run) => run.flow_id === folder.name && isSafeId(run.id))
      runs.sort((a, b) => Date.parse(a.started_at) - Date.parse(b.started_at))
      const excess = runs.splice(0, Math.max(0, runs.length - RUNS_PER_FLOW))
      await Promise.all(excess.map((run) => this.writer.remove(this.pathOf(run))))
      this.runs.set(folder.name, runs)
      for (const run of runs.filter((r) => r.status === 'running')) {
        const now = storedTimestamp()
        run.status = 'failed'
        run.error = INTERRUPTED
        run.finished_at = now
        for (const node of run.node_runs.filter((n) => n.status === 'running')) {
          node.status = 'failed'
          node.finished_at = now
        }
        this.log.warn(`run ${run.id} of flow ${run.flow_id} was interrupted; marked failed`)
        await this.save(run)
      }
      total += runs.length
    }
    return total
  }

  /** Newest first. */
  list(flowId: string): FlowRun[] {
    return [...(this.runs.get(flowId) ?? [])].reverse()
  }

  get(flowId: string, runId: string): FlowRun | undefined {
    return this.runs.get(flowId)?.find((run) => run.id === runId)
  }

  isRunning(flowId: string): boolean {
    return (this.runs.get(flowId) ?? []).some((run) => run.status === 'running')
  }

  /** Adds a run, evicting the oldest beyond the limit. */
  async add(run: FlowRun): Promise<void> {
    let runs = this.runs.get(run.flow_id)
    if (!runs) {
      runs = []
      this.runs.set(run.flow_id, runs)
      await mkdir(join(this.dir, run.flow_id), { recursive: true })
    }
    runs.push(run)
    this.runs.set(run.flow_id, runs)
    const evicted = runs.splice(0, Math.max(0, runs.length - RUNS_PER_FLOW))
    await Promise.all([this.save(run), ...evicted.map((old) => this.writer.remove(this.pathOf(old)))])
  }

  /** Persists the run's current state (call after every change). */
  save(run: FlowRun): Promise<void> {
    // Changes made together (50 sources starting at once) are serialized once, a
    // microtask later: what is written is then the newest state, as the queue promises.
    let saved = this.saving.get(run)
    if (!saved) {
      saved = Promise.resolve().then(() => {
        this.saving.delete(run)
        // A run of a flow deleted meanwhile is not written back into existence.
        if (!this.runs.get(run.flow_id)?.includes(run)) return
        return this.writer.write(this.pathOf(run), prettyJson(run)).catch((error: unknown) => {
          this.log.error(`could not save run ${run.id}: ${(error as Error).message}`)
        })
      })
      this.saving.set(run, saved)
    }
    return saved
  }

  /** The flows that have runs (loaded or added since). */
  flowIds(): string[] {
    return [...this.runs.keys()]
  }

  /** Forgets a deleted flow's runs (its folder is removed by the flow store). */
  async forget(flowId: string): Promise<void> {
    const runs = this.runs.get(flowId) ?? []
    this.runs.delete(flowId)
    // Pending writes must not recreate files in a folder that is going away.
    await Promise.all(runs.map((run) => this.writer.remove(this.pathOf(run))))
    await rm(join(this.dir, flowId), { recursive: true, force: true })
  }

  private pathOf(run: FlowRun): string {
    return join(this.dir, run.flow_id, `${run.id}.json`)
  }
}
