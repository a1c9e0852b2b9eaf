// bench/startup: time from spawning `serve` to listening with 10,000 stored
// flows (goal under 1 s), next to an empty data dir and to a bare node:http
// process starting to listen (the floor of any Node server). Stored data loads
// after the server listens, so the time until the flow list answers (every
// flow loaded, the scheduler running) is printed too. Median of runs.
import { rm } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dataDirWithFlows, median, startBareServer, startShoggoth, TOKEN } from './support'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const FLOWS = 10_000

interface Started {
  startMs: number
  url: string
  stop(): Promise<void>
}

/** Medians of spawn → listening and, for Shoggoth, spawn → the flow list answered. */
async function timeStarts(start: () => Promise<Started>, askFlows: boolean): Promise<{ listening: number; ready: number }> {
  const listening: number[] = []
  const ready: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const spawned = performance.now()
    const child = await start()
    listening.push(child.startMs)
    if (askFlows) {
      const answer = await fetch(`${child.url}/api/flows`, { headers: { authorization: `Bearer ${TOKEN}` } })
      if (!answer.ok) throw new Error(`GET /api/flows: ${answer.status}`)
      await answer.arrayBuffer()
      ready.push(performance.now() - spawned)
    }
    await child.stop()
  }
  return { listening: median(listening), ready: askFlows ? median(ready) : Number.NaN }
}

async function main(): Promise<void> {
  const full = await dataDirWithFlows(FLOWS)
  const empty = await mkdtemp(join(tmpdir(), 'shoggoth-bench-empty-'))
  const bare = await timeStarts(() => startBareServer({ '/': '{}' }), false)
  const none = await timeStarts(() => startShoggoth(empty), true)
  const many = await timeStarts(() => startShoggoth(full.dir), true)
  const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`
  console.log(`bench/startup: spawn → listening, and spawn → GET /api/flows answered; median of ${RUNS} runs`)
  console.log(`  bare node:http process       ${ms(bare.listening)}`)
  console.log(`  shoggoth, empty data dir     ${ms(none.listening)}   flow list ${ms(none.ready)}`)
  console.log(`  shoggoth, ${FLOWS} flows      ${ms(many.listening)}   flow list ${ms(many.ready)}  (goal: listening < 1000 ms; the 10,000 flows add ${(many.ready - none.ready).toFixed(0)} ms to the flow list)`)
  await rm(full.dir, { recursive: true, force: true })
  await rm(empty, { recursive: true, force: true })
}

await main()
