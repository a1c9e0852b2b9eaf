// bench/startup: time from spawning `serve` to listening with 10,000 stored
// flows (goal under 1.5 s), next to an empty data dir and to a bare node:http
// process starting to listen (the floor of any Node server). Median of runs.
import { rm } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dataDirWithFlows, median, startBareServer, startShoggoth } from './support'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const FLOWS = 10_000

async function timeStarts(start: () => Promise<{ startMs: number; stop(): Promise<void> }>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const child = await start()
    times.push(child.startMs)
    await child.stop()
  }
  return median(times)
}

async function main(): Promise<void> {
  const full = await dataDirWithFlows(FLOWS)
  const empty = await mkdtemp(join(tmpdir(), 'shoggoth-bench-empty-'))
  const bare = await timeStarts(() => startBareServer({ '/': '{}' }))
  const none = await timeStarts(() => startShoggoth(empty))
  const many = await timeStarts(() => startShoggoth(full.dir))
  console.log(`bench/startup: spawn → listening, median of ${RUNS} runs`)
  console.log(`  bare node:http process       ${bare.toFixed(0).padStart(6)} ms`)
  console.log(`  shoggoth, empty data dir     ${none.toFixed(0).padStart(6)} ms`)
  console.log(`  shoggoth, ${FLOWS} flows      ${many.toFixed(0).padStart(6)} ms  (goal < 1500 ms; loading the flows adds ${(many - none).toFixed(0)} ms)`)
  await rm(full.dir, { recursive: true, force: true })
  await rm(empty, { recursive: true, force: true })
}

await main()
