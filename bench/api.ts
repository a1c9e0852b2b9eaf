// bench/api: throughput and latency of GET /api/flows/{id} and GET /api/flows
// with 1,000 stored flows at 50 connections, next to a bare node:http server
// returning the same bytes, in the same run. Goal: ≥ 0.7 of bare throughput,
// p99 under 5 ms. Prints figures; asserts nothing.
import { rm } from 'node:fs/promises'
import autocannon from 'autocannon'
import { dataDirWithFlows, startBareServer, startShoggoth, TOKEN } from './support'

const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)

interface Figures {
  rps: number
  p50: number
  p99: number
  errors: number
}

async function load(url: string, headers: Record<string, string>, seconds = SECONDS): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

async function main(): Promise<void> {
  const { dir, ids } = await dataDirWithFlows(1000)
  const shoggoth = await startShoggoth(dir)
  const auth = { authorization: `Bearer ${TOKEN}` }
  const oneId = ids[500]!
  const paths = { one: `/api/flows/${oneId}`, list: '/api/flows' }
  const body = async (path: string) => (await fetch(shoggoth.url + path, { headers: auth })).text()
  const bare = await startBareServer({ [paths.one]: await body(paths.one), [paths.list]: await body(paths.list) }).catch(async (error: unknown) => {
    await shoggoth.stop()
    throw error
  })

  console.log(`bench/api: ${ids.length} stored flows, ${CONNECTIONS} connections, ${SECONDS} s per measurement, autocannon (latency in whole ms)`)
  console.log(`  response sizes: one flow ${(await body(paths.one)).length} B, list ${(await body(paths.list)).length} B`)
  for (const [name, path] of Object.entries(paths)) {
    // Warm both servers up, then measure them one after the other.
    await load(shoggoth.url + path, auth, 2)
    await load(bare.url + path, {}, 2)
    const ours = await load(shoggoth.url + path, auth)
    const floor = await load(bare.url + path, {})
    console.log(`  GET ${name === 'one' ? '/api/flows/{id}' : '/api/flows'}`)
    console.log(`    shoggoth  ${ours.rps.toFixed(0).padStart(7)} req/s  p50 ${ours.p50} ms  p99 ${ours.p99} ms  errors ${ours.errors}`)
    console.log(`    bare http ${floor.rps.toFixed(0).padStart(7)} req/s  p50 ${floor.p50} ms  p99 ${floor.p99} ms  errors ${floor.errors}`)
    console.log(`    ratio     ${(ours.rps / floor.rps).toFixed(2)} of bare throughput (goal ≥ 0.70), p99 ${ours.p99 < 5 ? 'under' : 'NOT under'} 5 ms`)
  }
  await Promise.all([shoggoth.stop(), bare.stop()])
  await rm(dir, { recursive: true, force: true })
}

await main()
