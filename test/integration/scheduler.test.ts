// The scheduler driven by a controllable clock: fires on time, never overlaps
// runs of a flow, catches up once after a (simulated) suspend, follows PUTs
// and deletes, restarts only when the trigger or `enabled` changes, and its
// status tells the truth.
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Flow, FlowRun } from '../../src-main/contract/api'
import { FlowStore } from '../../src-main/flows/flow-store'
import { memoryLogger } from '../../src-main/log'
import type { FlowRunner } from '../../src-main/runs/runner'
import { RunStore } from '../../src-main/runs/run-store'
import { Scheduler } from '../../src-main/scheduler/scheduler'
import { prepareDataDir } from '../../src-main/storage/data-dir'
import { FileWriteQueue } from '../../src-main/storage/write-queue'
import { storedTimestamp } from '../../src-main/time'
import { ManualClock, settle } from '../support/manual-clock'
import { makeTempDir } from '../support/temp-dir'

const MINUTE = 60_000
const start = Date.parse('2026-02-24T10:02:00Z')
const schedulers: Scheduler[] = []
afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((s) => s.close()))
})

/** Records when runs start; each run lasts `runMinutes` on the manual clock. */
async function world(runMinutes = 0) {
  const dir = await prepareDataDir(await makeTempDir())
  // Storage is not under test here; an in-memory writer keeps every step on the manual clock.
  const writer = new FileWriteQueue(async () => undefined)
  const log = memoryLogger()
  const flows = new FlowStore(dir.flows, writer, log)
  const runs = new RunStore(dir.runs, writer, log)
  const clock = new ManualClock(start)
  const started: { flow: string; at: string }[] = []
  const runner = {
    async start(flow: Flow) {
      const run: FlowRun = { id: randomUUID(), flow_id: flow.id, status: 'running', started_at: storedTimestamp(), finished_at: null, node_runs: [], error: null }
      await runs.add(run)
      started.push({ flow: flow.name, at: new Date(clock.now()).toISOString().slice(11, 16) })
      const finished = clock.sleep(runMinutes * MINUTE, new AbortController().signal).then(() => {
        run.status = 'success'
        return run
      })
      return { run, finished }
    },
  } as unknown as FlowRunner
  const scheduler = new Scheduler(flows, runner, runs, clock, log)
  schedulers.push(scheduler)
  const cronFlow = async (name: string, schedule: string) => {
    const flow = await flows.create({ name, nodes: [{ id: 't', node_type: 'trigger', kind: 'cron', config: { schedule }, position: { x: 0, y: 0 }, label: 'When' }] })
    // A flow's first run makes its folder on disk. Done here, so the fires the clock drives
    // do no real I/O, which a loaded machine can make slower than the clock lets work settle.
    const done = storedTimestamp()
    await runs.add({ id: randomUUID(), flow_id: flow.id, status: 'success', started_at: done, finished_at: done, node_runs: [], error: null })
    return flow
  }
  return { flows, runs, clock, started, scheduler, log, cronFlow }
}

describe('scheduler', () => {
  it('fires on time, in UTC', async () => {
    const w = await world()
    await w.cronFlow('Every 5', '*/5 * * * *')
    w.scheduler.startAll()
    await w.clock.advanceTo(Date.parse('2026-02-24T10:04:59Z'))
    expect(w.started).toEqual([])
    await w.clock.advanceTo(Date.parse('2026-02-24T10:15:00Z'))
    expect(w.started).toEqual([{ flow: 'Every 5', at: '10:05' }, { flow: 'Every 5', at: '10:10' }, { flow: 'Every 5', at: '10:15' }])
  })

  it('never overlaps runs of a flow: a fire during a run is skipped and logged', async () => {
    const w = await world(7)
    await w.cronFlow('Slow', '*/5 * * * *')
    w.scheduler.startAll()
    await w.clock.advanceTo(Date.parse('2026-02-24T10:21:00Z'))
    // 10:05 runs until 10:12, so 10:10 is skipped; 10:15 runs until 10:22.
    expect(w.started.map((s) => s.at)).toEqual(['10:05', '10:15'])
    expect(w.log.lines.some((line) => line.includes('1 fire(s) passed while it ran; skipped'))).toBe(true)
  })

  it('skips a fire while a manual run of the flow is going', async () => {
    const w = await world()
    const flow = await w.cronFlow('Busy', '*/5 * * * *')
    w.scheduler.startAll()
    await w.runs.add({ id: randomUUID(), flow_id: flow.id, status: 'running', started_at: storedTimestamp(), finished_at: null, node_runs: [], error: null })
    await w.clock.advanceTo(Date.parse('2026-02-24T10:05:00Z'))
    expect(w.started).toEqual([])
    expect(w.log.lines.some((line) => line.includes('skipped, a run is still going'))).toBe(true)
  })

  it('after the machine sleeps past fires, runs once on wake and then keeps the schedule', async () => {
    const w = await world()
    await w.cronFlow('Hourly', '0 * * * *')
    w.scheduler.startAll()
    await w.clock.advanceTo(Date.parse('2026-02-24T11:00:00Z'))
    expect(w.started.map((s) => s.at)).toEqual(['11:00'])
    // Suspended from 11:10 to 14:25: the 12:00, 13:00 and 14:00 fires passed.
    await w.clock.advanceTo(Date.parse('2026-02-24T11:10:00Z'))
    await w.clock.jump(Date.parse('2026-02-24T14:25:00Z') - Date.parse('2026-02-24T11:10:00Z'))
    await settle()
    expect(w.started.map((s) => s.at)).toEqual(['11:00', '14:25'])
    await w.clock.advanceTo(Date.parse('2026-02-24T15:00:00Z'))
    expect(w.started.map((s) => s.at)).toEqual(['11:00', '14:25', '15:00'])
  })

  it('on resume from sleep (recheckDue) a fire that passed runs at once, before any timer is due', async () => {
    const w = await world()
    await w.cronFlow('Hourly', '0 * * * *')
    w.scheduler.startAll()
    await w.clock.advanceTo(Date.parse('2026-02-24T10:30:00Z'))
    // Suspended over 11:00: timers stood still, the wall clock did not.
    w.clock.leap(45 * MINUTE)
    await settle()
    expect(w.started).toEqual([])
    w.scheduler.recheckDue()
    // Starting the run writes to disk: wait for it rather than for a fixed number of ticks.
    await vi.waitFor(() => expect(w.started.map((s) => s.at)).toEqual(['11:15']), { timeout: 10_000 })
    await w.clock.advanceTo(Date.parse('2026-02-24T12:00:00Z'))
    expect(w.started.map((s) => s.at)).toEqual(['11:15', '12:00'])
  })

  it('stopping while a run is still being started does not wait for that run to end', async () => {
    const w = await world()
    let release!: () => void
    const starting = new Promise<void>((resolve) => (release = resolve))
    let starts = 0
    const slowRunner = {
      async start() {
        starts++
        await starting
        // A run that never ends on its own.
        return { run: {}, finished: new Promise(() => undefined) }
      },
    } as unknown as FlowRunner
    const scheduler = new Scheduler(w.flows, slowRunner, w.runs, w.clock, w.log)
    await w.cronFlow('Slow to start', '* * * * *')
    scheduler.startAll()
    await w.clock.advanceTo(start + MINUTE)
    expect(starts).toBe(1)
    const closing = scheduler.close()
    release()
    const outcome = await Promise.race([closing.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3_000))])
    expect(outcome).toBe('closed')
  })

  it('many flows on one schedule all fire on the same minute, once each', async () => {
    const w = await world()
    for (let i = 0; i < 50; i++) await w.cronFlow(`Flow ${i}`, '*/5 * * * *')
    w.scheduler.startAll()
    await w.clock.advanceTo(Date.parse('2026-02-24T10:10:00Z'))
    expect(w.started.filter((s) => s.at === '10:05')).toHaveLength(50)
    expect(w.started.filter((s) => s.at === '10:10')).toHaveLength(50)
    expect(w.started).toHaveLength(100)
  })

  it('a flow disabled by an update stops firing; enabling starts it again', async () => {
    const w = await world()
    const flow = await w.cronFlow('Toggled', '*/5 * * * *')
    w.scheduler.startAll()
    expect(w.scheduler.isActive(flow.id)).toBe(true)
    await w.flows.update(flow.id, { enabled: false })
    await settle()
    expect(w.scheduler.isActive(flow.id)).toBe(false)
    await w.clock.advanceTo(Date.parse('2026-02-24T10:20:00Z'))
    expect(w.started).toEqual([])
    await w.flows.update(flow.id, { enabled: true })
    await settle()
    await w.clock.advanceTo(Date.parse('2026-02-24T10:25:00Z'))
    expect(w.started.map((s) => s.at)).toEqual(['10:25'])
  })

  it('restarts only when the trigger or enabled changes; stops on delete', async () => {
    const w = await world()
    let starts = 0
    w.scheduler.register('github-pr', async (_flow, _trigger, signal) => {
      starts++
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
    })
    const flow = await w.flows.create({ name: 'PRs', nodes: [{ id: 't', node_type: 'trigger', kind: 'github-pr', config: { repos: [] }, position: { x: 0, y: 0 }, label: 'PRs' }] })
    w.scheduler.startAll()
    expect(starts).toBe(1)
    await w.flows.update(flow.id, { name: 'Renamed', description: 'autosave', nodes: [{ ...flow.nodes[0]!, position: { x: 50, y: 50 }, label: 'Moved' }] })
    await settle()
    expect(starts).toBe(1)
    await w.flows.update(flow.id, { nodes: [{ ...flow.nodes[0]!, config: { repos: [{ slug: 'o/r' }] } }] })
    await settle()
    expect(starts).toBe(2)
    await w.flows.delete(flow.id)
    await settle()
    expect(w.scheduler.isActive(flow.id)).toBe(false)
  })

  it('tells the truth in its status: an invalid expression leaves no active task', async () => {
    const w = await world()
    const good = await w.cronFlow('Good', '0 9 * * *')
    const bad = await w.cronFlow('Bad', '* * * * * *')
    await w.flows.create({ name: 'Manual', nodes: [{ id: 't', node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'Go' }] })
    w.scheduler.startAll()
    await settle()
    const status = w.scheduler.status()
    expect(status.active_count).toBe(1)
    expect(status.total_flows).toBe(3)
    expect(status.flows.find((f) => f.flow_id === good.id)).toEqual({ flow_id: good.id, name: 'Good', enabled: true, scheduler_active: true })
    expect(status.flows.find((f) => f.flow_id === bad.id)?.scheduler_active).toBe(false)
    expect(w.log.lines.some((line) => line.includes('invalid cron'))).toBe(true)
  })
})
