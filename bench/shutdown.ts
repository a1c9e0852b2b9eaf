// bench/shutdown: how long `serve` takes from SIGTERM to exit with 0 and with 3
// busy chat sessions (real claude, answers still streaming), next to a bare
// node:http process exiting on SIGTERM in the same run. Each shutdown must end
// with exit 0 and no claude left. Median of runs. Prints figures; asserts nothing.
import { rm } from 'node:fs/promises'
import { CLAUDE_BIN, startClaudeWorld } from '../test/support/claude'
import { taggedFor } from '../test/support/descendants'
import { waitUntilGone } from '../test/support/processes'
import { startServe } from '../test/support/serve-process'
import { makeTempDir, rawRequest } from '../test/support/server'
import { openSse } from '../test/support/sse-client'
import { median, startBareServer } from './support'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const TOKEN = 'bench-shutdown-token-0123456789abcdefgh'

const world = await startClaudeWorld()

/** ms from SIGTERM to exit, with `busy` turns still answering; checks exit 0 and that no claude is left. */
async function shutdownMs(busy: number): Promise<number> {
  const dataDir = await makeTempDir('shoggoth-bench-shutdown-')
  const serve = await startServe(['--port', '0', '--data-dir', dataDir], { ...world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: TOKEN, SHOGGOTH_LOG_LEVEL: 'warn' })
  // Whatever goes wrong below, the server does not outlive the bench.
  try {
    const exec = { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' }
    const flowId = (await rawRequest(serve.url, '/api/flows', { method: 'POST', token: TOKEN, body: { name: 'Busy', nodes: [exec] } })).json<{ id: string }>().id
    const base = `/api/flows/${flowId}/nodes/exec/interact`
    const turns = []
    for (let i = 0; i < busy; i++) {
      const sessionId = (await rawRequest(serve.url, `${base}/new`, { method: 'POST', token: TOKEN })).json<{ session_id: string }>().session_id
      turns.push(openSse(serve.url, base, { token: TOKEN, body: { prompt: 'a long answer [[slow:1000]]', session_id: sessionId } }))
    }
    // Busy for real: each answer has started to stream.
    await Promise.all(turns.map((turn) => turn.waitFor('text_delta', 60_000)))
    const started = performance.now()
    serve.child.kill('SIGTERM')
    const code = await serve.exited
    const ms = performance.now() - started
    const left = await waitUntilGone(taggedFor(dataDir))
    if (code !== 0 || left.length > 0) throw new Error(`shutdown with ${busy} busy: exit ${code}, ${left.length} processes left`)
    await rm(dataDir, { recursive: true, force: true })
    return ms
  } finally {
    if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL')
  }
}

async function bareMs(): Promise<number> {
  const bare = await startBareServer({ '/': '{}' })
  const started = performance.now()
  await bare.stop()
  return performance.now() - started
}

const floor: number[] = []
const idle: number[] = []
const busy: number[] = []
for (let run = 0; run < RUNS; run++) {
  floor.push(await bareMs())
  idle.push(await shutdownMs(0))
  busy.push(await shutdownMs(3))
}
await world.close()
console.log(`bench/shutdown: SIGTERM → exit, median of ${RUNS} runs (every shutdown exit 0, no claude left)`)
console.log(`  bare node:http process      ${median(floor).toFixed(0).padStart(6)} ms`)
console.log(`  serve, nothing running      ${median(idle).toFixed(0).padStart(6)} ms`)
console.log(`  serve, 3 busy chat turns    ${median(busy).toFixed(0).padStart(6)} ms  (each turn is stopped, its claude ended and the session saved)`)
