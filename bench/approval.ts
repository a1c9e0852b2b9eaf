// bench/approval: the tool-approval round trip on loopback, with the REAL
// claude CLI against the local Messages API stand-in. Prints figures; asserts
// nothing. Per round, in a warm node chat in `ask` mode:
//  1. ask:    the CLI's `can_use_tool` line reaching the backend (its stdout
//             reader) → the `permission_request` event parsed by an SSE client
//             (the chat turn's own stream, and the global permission stream);
//  2. answer: POST /api/permissions/{id} sent by the client → the
//             control_response handed to the CLI's stdin.
// Both ends of each span are taken in this one process (backend and clients
// share it), on the same clock: ClaudeProcess's line listener and write are
// wrapped to mark when a line arrives and when the answer is written.
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ClaudeProcess } from '../src-main/agent/claude-process'
import { startBackend } from '../src-main/backend'
import { createLogger } from '../src-main/log'
import { startMessagesApi } from '../test/fixtures/messages-api'
import { openSse } from '../test/support/sse-client'
import { median } from './support'

const CLAUDE = resolve('node_modules/.bin/claude')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20)
const WARM_UP = 2

// ---- marks, taken where the backend meets the CLI ----
let askedAt = 0
let answerWrittenAt = 0
const onStdout = ClaudeProcess.prototype.onStdout
ClaudeProcess.prototype.onStdout = function (this: ClaudeProcess, listener) {
  onStdout.call(
    this,
    listener &&
      ((line: string) => {
        if (line.includes('"can_use_tool"')) askedAt = performance.now()
        listener(line)
      }),
  )
}
const write = ClaudeProcess.prototype.write
ClaudeProcess.prototype.write = function (this: ClaudeProcess, text: string) {
  const written = write.call(this, text)
  if (text.includes('"control_response"')) void written.then(() => (answerWrittenAt = performance.now()))
  return written
}

const api = await startMessagesApi()
const configDir = await mkdtemp(join(tmpdir(), 'shoggoth-bench-claude-'))
const workDir = await mkdtemp(join(tmpdir(), 'shoggoth-bench-work-'))
const dataDir = await mkdtemp(join(tmpdir(), 'shoggoth-bench-data-'))
// HOME = the config dir: the Bash tool sources none of this machine's shell start-up files.
const childEnv = { ...api.env, CLAUDE_CONFIG_DIR: configDir, HOME: configDir }

const backend = await startBackend({
  port: 0, host: '127.0.0.1', dataDir, requireToken: true, fixedToken: undefined, startDisabled: false,
  allowedOrigins: [], allowedHosts: [], claudeBin: CLAUDE, turnTimeoutMs: 600_000, idleTimeoutMs: 600_000, maxLiveSessions: 8, executorTimeoutMs: 600_000,
  rendererDir: null, childEnv, log: createLogger('warn'),
})
const token = backend.token!.value
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
const node = { id: 'w', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: workDir, permission_mode: 'ask' }, position: { x: 0, y: 0 }, label: 'W' }
const flowId = ((await (await fetch(`${backend.url}/api/flows`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Approvals', nodes: [node] }) })).json()) as { id: string }).id
// ReceivedEvent.at counts from the call to openSse: the time of that call turns it into this clock.
const globalOpened = performance.now()
const global = openSse(backend.url, '/api/permissions/stream', { token })
await global.status
const globalAsks = () => global.events.filter((e) => e.event === 'permission_request')

/** POST with node:http (no fetch pool): `sent` is taken just before the request goes out. */
function answer(id: string): Promise<{ sent: number }> {
  const body = JSON.stringify({ behavior: 'allow' })
  const url = new URL(`${backend.url}/api/permissions/${id}`)
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...auth, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 200 ? done({ sent }) : fail(new Error(`answer: HTTP ${res.statusCode}`))))
    })
    req.on('error', fail)
    const sent = performance.now()
    req.end(body)
  })
}

const turnSpans: number[] = []
const globalSpans: number[] = []
const answerSpans: number[] = []
let sessionId: string | undefined
for (let round = 0; round < WARM_UP + ROUNDS; round++) {
  const known = globalAsks().length
  const opened = performance.now()
  const turn = openSse(backend.url, `/api/flows/${flowId}/nodes/w/interact`, { token, body: { prompt: `[[bash:touch file-${round}.txt]]`, ...(sessionId ? { session_id: sessionId } : {}) } })
  const asked = await turn.waitFor('permission_request', 60_000)
  const question = JSON.parse(asked.data) as { id: string; session_id: string }
  sessionId = question.session_id
  const { sent } = await answer(question.id)
  await turn.ended
  while (globalAsks().length <= known) await new Promise((r) => setTimeout(r, 5))
  if (round < WARM_UP) continue
  turnSpans.push(opened + asked.at - askedAt)
  globalSpans.push(globalOpened + globalAsks().at(-1)!.at - askedAt)
  answerSpans.push(answerWrittenAt - sent)
}
global.abort()

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const row = (label: string, values: number[]) => console.log(`    ${label.padEnd(44)} median ${median(values).toFixed(2)} ms   p95 ${percentile(values, 95).toFixed(2)} ms   (goal < 50 ms)`)
console.log(`bench/approval: real claude CLI ${CLAUDE}, local Messages API stand-in, ${ROUNDS} rounds (+${WARM_UP} warm-up), one warm node chat in ask mode`)
console.log('  ask: can_use_tool line read by the backend → permission_request at the client')
row('on the chat turn\'s stream', turnSpans)
row('on GET /api/permissions/stream', globalSpans)
console.log('  answer: POST /api/permissions/{id} sent → control_response written to claude\'s stdin')
row('allow, once', answerSpans)

await backend.close()
await api.close()
for (const dir of [configDir, workDir, dataDir]) await rm(dir, { recursive: true, force: true })
