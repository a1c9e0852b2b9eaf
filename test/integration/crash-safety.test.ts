// Crash safety (issue 11): the headless server on one data dir, writes of every
// kind at once (flows, prompts, runs, a chat turn with the real claude), and a
// SIGKILL at a random moment, again and again. After each kill every file parses;
// after each start no temp file is left, nothing was skipped, every acknowledged
// write is there and no run is still `running`; at the end no claude is left.
// SOAK_KILLS sets the number of kills (10 here; `npm run soak` does 100), SHOGGOTH_CRASH_SEED replays one.
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { acknowledgedWritesThere, filesAfterKill, startClean } from '../support/crash-checks'
import { chatUntilKilled, Ledger, writeUntilKilled, type ChatTarget, type Server } from '../support/crash-writes'
import { taggedFor } from '../support/descendants'
import { waitUntilGone } from '../support/processes'
import { startServe, stopAllServes, type ServeProcess } from '../support/serve-process'
import { makeTempDir, rawRequest } from '../support/server'

const KILLS = Number(process.env.SOAK_KILLS ?? 10)
const SEED = Number(process.env.SHOGGOTH_CRASH_SEED ?? Date.now() % 2 ** 31)
const WRITERS = 6
const TOKEN = 'crash-safety-token-0123456789abcdefghij'

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Waits until one more chat turn of the session is acknowledged. */
async function turnEnded(ledger: Ledger, sessionId: string): Promise<void> {
  const before = ledger.sessions.get(sessionId) ?? 0
  const end = Date.now() + 60_000
  while ((ledger.sessions.get(sessionId) ?? 0) === before && ledger.problems.length === 0) {
    if (Date.now() > end) throw new Error('no chat turn ended within a minute')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

let world: ClaudeWorld
beforeAll(async () => {
  world = await startClaudeWorld()
})
afterAll(async () => {
  await stopAllServes()
  await world.close()
})

it(`every acknowledged write survives ${KILLS} SIGKILLs at random moments`, { timeout: 60_000 + KILLS * 10_000 }, async () => {
  console.log(`crash safety: seed ${SEED} (SHOGGOTH_CRASH_SEED=${SEED} replays it), ${KILLS} kills`)
  const random = seeded(SEED)
  const dataDir = await makeTempDir('shoggoth-crash-')
  const env = { ...world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: TOKEN }
  const start = () => startServe(['--port', '0', '--data-dir', dataDir], env)
  const ledger = new Ledger()
  const problems: string[] = []
  let temps = 0

  const started = performance.now()
  let serve: ServeProcess = await start()
  const server = (): Server => ({ url: serve.url, token: TOKEN })
  const call = (path: string, method: string, body?: object) => rawRequest(serve.url, path, { method, token: TOKEN, ...(body ? { body } : {}) })
  const exec = { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' }
  const chatFlowId = (await call('/api/flows', 'POST', { name: 'Chat', nodes: [exec] })).json<{ id: string }>().id
  const chat: ChatTarget = { flowId: chatFlowId, sessionId: (await call(`/api/flows/${chatFlowId}/nodes/exec/interact/new`, 'POST')).json<{ session_id: string }>().session_id }

  for (let kill = 1; kill <= KILLS && problems.length === 0; kill++) {
    let stopped = false
    const writers = Array.from({ length: WRITERS }, (_, i) => writeUntilKilled(server(), ledger, random, `k${kill}w${i}`, () => stopped))
    writers.push(chatUntilKilled(server(), ledger, chat, () => stopped))
    // Every fifth cycle, once the (cold) first chat turn has ended, so warm turns are ending around the kill.
    if (kill % 5 === 0) await turnEnded(ledger, chat.sessionId)
    await new Promise((resolve) => setTimeout(resolve, 50 + random() * 700))
    stopped = true
    serve.child.kill('SIGKILL')
    await serve.exited
    await Promise.all(writers)
    const after = await filesAfterKill(dataDir)
    temps += after.temps
    problems.push(...after.problems.map((p) => `after kill ${kill}: ${p}`))

    serve = await start()
    problems.push(...(await startClean(server(), dataDir, serve.stderr)).map((p) => `start after kill ${kill}: ${p}`))
    problems.push(...(await acknowledgedWritesThere(server(), ledger, dataDir, chatFlowId)).map((p) => `after kill ${kill}: ${p}`))
    problems.push(...ledger.problems.splice(0).map((p) => `before kill ${kill}: ${p}`))
  }

  serve.child.kill('SIGTERM')
  expect(await serve.exited).toBe(0)
  expect(await waitUntilGone(taggedFor(dataDir))).toEqual([])
  expect(problems).toEqual([])
  // Kept when a check fails, to look at.
  await rm(dataDir, { recursive: true, force: true })
  const turns = [...ledger.sessions.values()].reduce((sum, n) => sum + n, 0)
  console.log(`crash safety: ${KILLS} kills, ${ledger.acknowledged} acknowledged writes (${ledger.runs.size} runs, ${turns} chat turns counted) all there, ${temps} temp files left by kills and swept at start; ${((performance.now() - started) / 1000 / KILLS).toFixed(1)} s a cycle`)
})
