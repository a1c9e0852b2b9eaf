// bench/scheduler: 200 flows on an every-minute cron. A controllable clock runs
// at real speed but can jump to a second and a half before each minute, so
// several fires are measured without waiting minutes. Jitter = how late each
// fire starts its run after its scheduled minute. Next to it, the floor: 200
// plain timers aimed at the same instant. Measured with every flow on one
// expression and with 200 expressions of their own. Goal: p99 < 20 ms. Figures only.
import { randomUUID } from 'node:crypto'
import type { Flow, FlowRun } from '../src-main/contract/api'
import { FlowStore } from '../src-main/flows/flow-store'
import { createLogger } from '../src-main/log'
import type { FlowRunner } from '../src-main/runs/runner'
import { RunStore } from '../src-main/runs/run-store'
import type { Clock } from '../src-main/scheduler/clock'
import { Scheduler } from '../src-main/scheduler/scheduler'
import { prepareDataDir } from '../src-main/storage/data-dir'
import { FileWriteQueue } from '../src-main/storage/write-queue'
import { makeTempDir } from '../test/support/temp-dir'

const FLOWS = 200
const MINUTES = Number(process.env.BENCH_MINUTES ?? 5)
const LEAD_MS = 1_500

/** Real time plus an offset that `jumpTo` moves; a jump wakes every sleeper so it re-reads the time. */
class JumpingClock implements Clock {
  private offset = 0
  private readonly sleepers = new Set<() => void>()
  now = () => Date.now() + this.offset
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        this.sleepers.delete(wake)
        signal.removeEventListener('abort', wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      this.sleepers.add(wake)
      signal.addEventListener('abort', wake)
    })
  }
  jumpTo(time: number): void {
    this.offset += time - this.now()
    for (const wake of [...this.sleepers]) wake()
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const describe = (values: number[]) => `p50 ${percentile(values, 50).toFixed(2)} ms  p99 ${percentile(values, 99).toFixed(2)} ms  max ${Math.max(...values).toFixed(2)} ms  (${values.length} fires)`

/** 200 different expressions that all fire every minute: no flow shares a schedule with another. */
const distinct = (i: number) => {
  const hour = i % 23
  const day = Math.floor(i / 23) + 1
  return `* 0-${hour},${hour + 1}-23 1-${day},${day + 1}-31 * *`
}

/** Fires of FLOWS cron flows over MINUTES minutes: how late each run started after its minute. */
async function measure(schedule: (i: number) => string): Promise<number[]> {
  const dir = await prepareDataDir(await makeTempDir('shoggoth-bench-sched-'))
  const writer = new FileWriteQueue(async () => undefined) // storage is not what this measures
  const log = createLogger('error')
  const flows = new FlowStore(dir.flows, writer, log)
  const runs = new RunStore(dir.runs, writer, log)
  const clock = new JumpingClock()
  const lateness: number[] = []
  const runner = {
    async start(flow: Flow) {
      const now = clock.now()
      lateness.push(now - Math.floor(now / 60_000) * 60_000)
      const run: FlowRun = { id: randomUUID(), flow_id: flow.id, status: 'success', started_at: new Date(now).toISOString(), finished_at: null, node_runs: [], error: null }
      return { run, finished: Promise.resolve(run) }
    },
  } as unknown as FlowRunner
  for (let i = 0; i < FLOWS; i++) {
    await flows.create({ name: `Flow ${i}`, nodes: [{ id: 't', node_type: 'trigger', kind: 'cron', config: { schedule: schedule(i) }, position: { x: 0, y: 0 }, label: 'Every minute' }] })
  }
  const scheduler = new Scheduler(flows, runner, runs, clock, log)
  scheduler.startAll()
  for (let minute = 0; minute < MINUTES; minute++) {
    // The very next minute, which every loop is waiting for; jumping past it would look like a suspend.
    const boundary = Math.floor(clock.now() / 60_000) * 60_000 + 60_000
    if (boundary - LEAD_MS > clock.now()) clock.jumpTo(boundary - LEAD_MS)
    const before = lateness.length
    while (lateness.length < before + FLOWS) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await scheduler.close()
  return lateness
}

const shared = await measure(() => '* * * * *')
const own = await measure(distinct)

// The floor: 200 plain timers set to the same instant, 1.5 s ahead.
const floor: number[] = []
for (let minute = 0; minute < MINUTES; minute++) {
  const target = Date.now() + LEAD_MS
  await Promise.all(Array.from({ length: FLOWS }, () => new Promise<void>((resolve) => setTimeout(() => (floor.push(Date.now() - target), resolve()), target - Date.now()))))
}

console.log(`bench/scheduler: ${FLOWS} flows firing every minute, ${MINUTES} minutes (clock jumps to ${LEAD_MS} ms before each minute)`)
console.log(`  fire jitter, all on "* * * * *"      ${describe(shared)}   (goal p99 < 20 ms)`)
console.log(`  fire jitter, 200 distinct expressions ${describe(own)}   (goal p99 < 20 ms)`)
console.log(`  plain setTimeout                     ${describe(floor)}   (the event loop's own lateness, same count)`)
