// Load (issue 11): the headless server with 200 subscribers on one flow's live
// run stream while clients trigger runs and create, change and delete flows and
// prompts for 10 s. Every subscriber gets every event once, in order; every
// request is answered without error; every acknowledged write is stored. Prints
// throughput, latency, events and the server's peak memory. SOAK_LOAD_SECONDS,
// SOAK_SUBSCRIBERS and SOAK_CRUD_CLIENTS set the size.
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { afterAll, expect, it } from 'vitest'
import type { FlowRun, RunEvent } from '../../src-main/contract/api'
import { startServe, stopAllServes } from '../support/serve-process'
import { makeTempDir, rawRequest } from '../support/server'
import { openSse, type SseCall } from '../support/sse-client'

const SECONDS = Number(process.env.SOAK_LOAD_SECONDS ?? 10)
const SUBSCRIBERS = Number(process.env.SOAK_SUBSCRIBERS ?? 200)
const CRUD_CLIENTS = Number(process.env.SOAK_CRUD_CLIENTS ?? 20)
const TRIGGER_CLIENTS = 2
const TOKEN = 'load-test-token-0123456789abcdefghijklmn'

afterAll(stopAllServes)

const ENDS = new Set(['run_completed', 'run_failed', 'run_cancelled'])
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0

/** The server's peak resident memory so far (VmHWM), in MiB. */
const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

it(`${SUBSCRIBERS} live subscribers and ${CRUD_CLIENTS + TRIGGER_CLIENTS} writing clients for ${SECONDS} s: nothing dropped, doubled or lost`, { timeout: 60_000 + SECONDS * 3_000 }, async () => {
  const dataDir = await makeTempDir('shoggoth-load-')
  const serve = await startServe(['--port', '0', '--data-dir', dataDir], { SHOGGOTH_TOKEN: TOKEN, SHOGGOTH_LOG_LEVEL: 'warn' })
  const latencies: number[] = []
  const errors: string[] = []
  const call = async (path: string, method = 'GET', body?: object) => {
    const started = performance.now()
    const answer = await rawRequest(serve.url, path, { method, token: TOKEN, ...(body ? { body } : {}) }).catch((error: unknown) => ({ status: 0, text: String(error), json: () => ({}) as never }))
    latencies.push(performance.now() - started)
    if (answer.status === 0 || answer.status >= 400) errors.push(`${method} ${path} → ${answer.status} ${answer.text.slice(0, 120)}`)
    return answer
  }

  // No executor: each run starts and fails at once, two events, no claude.
  const flowId = (await call('/api/flows', 'POST', { name: 'Busy', nodes: [{ id: 't', node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'When' }] })).json<{ id: string }>().id
  const subscribers: SseCall[] = Array.from({ length: SUBSCRIBERS }, () => openSse(serve.url, `/api/flows/${flowId}/runs/live`, { token: TOKEN }))
  expect(new Set(await Promise.all(subscribers.map((s) => s.status)))).toEqual(new Set([200]))

  const triggered: string[] = []
  const stored = { flows: new Map<string, string>(), prompts: new Map<string, string>() }
  const end = performance.now() + SECONDS * 1000
  const running = () => performance.now() < end
  const triggerLoop = async () => {
    while (running()) {
      const answer = await call(`/api/flows/${flowId}/trigger`, 'POST', { allow_overlap: true })
      if (answer.status === 202) triggered.push(answer.json<{ run_id: string }>().run_id)
    }
  }
  const crudLoop = async (client: number) => {
    for (let n = 0; running(); n++) {
      const kind = n % 2 === 0 ? 'flows' : 'prompts'
      const created = await call(`/api/${kind}`, 'POST', kind === 'flows' ? { name: `c${client}-${n}` } : { title: `c${client}-${n}`, summary: 's' })
      if (created.status !== 201) continue
      const id = created.json<{ id: string }>().id
      const changed = kind === 'flows' ? { description: `d${n}` } : { summary: `d${n}` }
      if ((await call(`/api/${kind}/${id}`, 'PUT', changed)).status === 200) stored[kind].set(id, `d${n}`)
      await call(`/api/${kind}`)
      if (n % 4 === 3 && (await call(`/api/${kind}/${id}`, 'DELETE')).status === 200) stored[kind].delete(id)
    }
  }
  const started = performance.now()
  await Promise.all([...Array.from({ length: TRIGGER_CLIENTS }, triggerLoop), ...Array.from({ length: CRUD_CLIENTS }, (_, i) => crudLoop(i))])
  const loadSeconds = (performance.now() - started) / 1000

  // Every triggered run ends, and every subscriber has seen its end.
  const deadline = Date.now() + 30_000
  const ended = (s: SseCall) => s.events.filter((e) => ENDS.has(e.event)).length
  while (subscribers.some((s) => ended(s) < triggered.length)) {
    if (Date.now() > deadline) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const rss = peakRss(serve.child.pid!)
  for (const s of subscribers) s.abort()

  const reference = subscribers[0]!.events.map((e) => e.id)
  let dropped = 0
  let doubled = 0
  for (const s of subscribers) {
    const ids = s.events.map((e) => e.id)
    const have = new Set(ids)
    doubled += ids.length - have.size
    dropped += reference.filter((id) => !have.has(id)).length
    expect(ids, 'same events in the same order for every subscriber').toEqual(reference)
  }
  const runs = new Map<string, string[]>()
  for (const event of subscribers[0]!.events.map((e) => JSON.parse(e.data) as RunEvent)) runs.set(event.run_id, [...(runs.get(event.run_id) ?? []), event.event_type])
  expect([...runs.keys()].sort()).toEqual([...triggered].sort())
  for (const types of runs.values()) expect([types[0], ENDS.has(types.at(-1)!)]).toEqual(['run_started', true])

  // Every acknowledged write is there.
  const flows = new Map((await call('/api/flows')).json<{ flows: { id: string; description: string }[] }>().flows.map((f) => [f.id, f.description]))
  const prompts = new Map((await call('/api/prompts')).json<{ prompts: { id: string; summary: string }[] }>().prompts.map((p) => [p.id, p.summary]))
  for (const [id, value] of stored.flows) expect(flows.get(id), `flow ${id}`).toBe(value)
  for (const [id, value] of stored.prompts) expect(prompts.get(id), `prompt ${id}`).toBe(value)
  const history = (await call(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs
  expect(history.filter((run) => run.status === 'running')).toEqual([])
  expect(errors).toEqual([])

  serve.child.kill('SIGTERM')
  expect(await serve.exited).toBe(0)
  await rm(dataDir, { recursive: true, force: true })
  const sorted = [...latencies].sort((a, b) => a - b)
  console.log(
    `load: ${SUBSCRIBERS} subscribers, ${CRUD_CLIENTS} CRUD + ${TRIGGER_CLIENTS} trigger clients, ${loadSeconds.toFixed(1)} s: ` +
      `${(latencies.length / loadSeconds).toFixed(0)} req/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, errors ${errors.length}; ` +
      `${triggered.length} runs, ${reference.length} events × ${SUBSCRIBERS} delivered, dropped ${dropped}, doubled ${doubled}; ` +
      `${stored.flows.size + stored.prompts.size} writes kept; server peak RSS ${rss.toFixed(0)} MiB`,
  )
})
