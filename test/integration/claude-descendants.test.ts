// Commands the real `claude` starts through its Bash tool run in sessions of
// their own (setsid), outside claude's process group. Whatever path ends the
// claude process — a stop, a delete, a cancel, a shutdown, a crash and the next
// start — must end those commands too (issue 11, item 1).
import { readFileSync, readdirSync } from 'node:fs'
import { randomInt } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { isAlive, waitUntilGone } from '../support/processes'
import { node, runHelpers } from '../support/run-flows'
import { startServe, stopAllServes } from '../support/serve-process'
import { makeTempDir, rawRequest, startTestServer, type TestServer } from '../support/server'
import { openSse } from '../support/sse-client'

let world: ClaudeWorld
beforeAll(async () => {
  world = await startClaudeWorld()
})
afterAll(() => world.close())
const servers: TestServer[] = []
const strays: number[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
  await stopAllServes()
  // A failed test must not leave its sleeps to the next one.
  for (const pid of strays.splice(0).filter(isAlive)) process.kill(pid, 'SIGKILL')
})

async function server(): Promise<TestServer> {
  const s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv })
  servers.push(s)
  return s
}

const flowBody = {
  name: 'Descendants',
  nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p' }, position: { x: 0, y: 0 }, label: 'Exec' }],
}
const withWorkDir = () => ({ ...flowBody, nodes: flowBody.nodes.map((n) => ({ ...n, config: { ...n.config, working_dir: world.workDir } })) })

/** A sleep no other test on this machine runs, so its processes can be found by their command line. */
function uniqueSleep(): { command: string; seconds: number } {
  const seconds = randomInt(100_000, 999_999)
  return { command: `sleep ${seconds}`, seconds }
}

/** The `sleep` and the `bash -c … sleep N` that the Bash tool started. */
function processesRunning(seconds: number): number[] {
  const found: number[] = []
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0')
      if (argv.some((arg) => arg.includes(`sleep ${seconds}`)) || (argv[0]?.endsWith('sleep') && argv[1] === String(seconds))) found.push(Number(name))
    } catch {
      // Gone while we looked.
    }
  }
  return found.filter(isAlive)
}

/** Waits until the tool's `sleep` itself runs (the CLI's first Bash call takes seconds to set up its shell). */
async function toolStarted(seconds: number): Promise<number[]> {
  const end = Date.now() + 60_000
  for (;;) {
    const pids = processesRunning(seconds)
    const sleeping = pids.some((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep\0'))
    if (sleeping) {
      strays.push(...pids)
      return pids
    }
    if (Date.now() > end) throw new Error(`the tool never started sleep ${seconds}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

// The CLI's first Bash call spends seconds setting up its shell; a loaded machine doubles that.
describe('commands started by claude end with it', { timeout: 120_000 }, () => {
  it('on a lead-agent stop', async () => {
    const s = await server()
    const flowId = (await s.request('/api/flows', { method: 'POST', body: withWorkDir() })).json<{ id: string }>().id
    const { command, seconds } = uniqueSleep()
    const turn = openSse(s.url, `/api/flows/${flowId}/interact`, { token: s.token, body: { prompt: `work [[bash:${command}]]` } })
    const pids = await toolStarted(seconds)
    expect((await s.request(`/api/flows/${flowId}/interact/stop`, { method: 'POST' })).json()).toEqual({ status: 'stopped' })
    await turn.ended
    expect(turn.events.at(-1)!.event).toBe('done')
    expect(await waitUntilGone(pids)).toEqual([])
  })

  it('on a session delete during a turn', async () => {
    const s = await server()
    const flowId = (await s.request('/api/flows', { method: 'POST', body: withWorkDir() })).json<{ id: string }>().id
    const base = `/api/flows/${flowId}/nodes/exec/interact`
    await s.request(`${base}/new`, { method: 'POST' })
    const { session_id } = (await s.request(`${base}/new`, { method: 'POST' })).json<{ session_id: string }>()
    const { command, seconds } = uniqueSleep()
    const turn = openSse(s.url, base, { token: s.token, body: { prompt: `work [[bash:${command}]]`, session_id } })
    const pids = await toolStarted(seconds)
    expect((await s.request(`${base}/sessions/${session_id}`, { method: 'DELETE' })).status).toBe(200)
    await turn.ended
    expect(await waitUntilGone(pids)).toEqual([])
  })

  it('on a flow delete during a turn', async () => {
    const s = await server()
    const flowId = (await s.request('/api/flows', { method: 'POST', body: withWorkDir() })).json<{ id: string }>().id
    const { command, seconds } = uniqueSleep()
    const turn = openSse(s.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: s.token, body: { prompt: `work [[bash:${command}]]` } })
    const pids = await toolStarted(seconds)
    expect((await s.request(`/api/flows/${flowId}`, { method: 'DELETE' })).status).toBe(200)
    await turn.ended
    expect(await waitUntilGone(pids)).toEqual([])
  })

  it('on a run cancel', async () => {
    const s = await server()
    const { createFlow, trigger } = runHelpers(() => s)
    const { command, seconds } = uniqueSleep()
    const flowId = await createFlow({
      name: 'Long job',
      nodes: [node('t', 'trigger', 'manual', {}), node('x', 'executor', 'claude-code', { prompt: `work [[bash:${command}]]`, working_dir: world.workDir })],
      edges: [{ id: 'e', source: 't', target: 'x' }],
    })
    const runId = (await trigger(flowId)).json.run_id as string
    const pids = await toolStarted(seconds)
    expect((await s.request(`/api/flows/${flowId}/runs/${runId}/cancel`, { method: 'POST' })).status).toBe(200)
    expect(await waitUntilGone(pids)).toEqual([])
  })

  it('when a lead-agent turn ends on its own, leaving a detached command behind', async () => {
    const s = await server()
    const flowId = (await s.request('/api/flows', { method: 'POST', body: withWorkDir() })).json<{ id: string }>().id
    const { seconds } = uniqueSleep()
    // setsid + background: the command is neither in claude's group nor waited for.
    const turn = openSse(s.url, `/api/flows/${flowId}/interact`, { token: s.token, body: { prompt: `work [[bash:setsid sleep ${seconds} >/dev/null 2>&1 < /dev/null & echo started]]` } })
    await turn.ended
    expect(turn.events.at(-1)!.event).toBe('done')
    const left = processesRunning(seconds)
    strays.push(...left)
    expect(await waitUntilGone(left)).toEqual([])
  })

  it('on SIGTERM of the server with a busy turn', async () => {
    const dataDir = await makeTempDir()
    const token = 'descendants-sigterm-token-0123456789abcdef'
    const serve = await startServe(['--port', '0', '--data-dir', dataDir], { ...world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: token })
    const flowId = (await rawRequest(serve.url, '/api/flows', { method: 'POST', body: withWorkDir(), token })).json<{ id: string }>().id
    const { command, seconds } = uniqueSleep()
    openSse(serve.url, `/api/flows/${flowId}/nodes/exec/interact`, { token, body: { prompt: `work [[bash:${command}]]` } })
    const pids = await toolStarted(seconds)
    serve.child.kill('SIGTERM')
    expect(await serve.exited).toBe(0)
    expect(await waitUntilGone(pids)).toEqual([])
  })

  it('at the next start after a SIGKILL of the server', async () => {
    const dataDir = await makeTempDir()
    const token = 'descendants-sigkill-token-0123456789abcdef'
    const env = { ...world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: token }
    const first = await startServe(['--port', '0', '--data-dir', dataDir], env)
    const flowId = (await rawRequest(first.url, '/api/flows', { method: 'POST', body: withWorkDir(), token })).json<{ id: string }>().id
    const { command, seconds } = uniqueSleep()
    const turn = openSse(first.url, `/api/flows/${flowId}/interact`, { token, body: { prompt: `work [[bash:${command}]]` } })
    const pids = await toolStarted(seconds)
    first.child.kill('SIGKILL')
    await first.exited
    await turn.ended
    // Nobody is left to end them: the commands (at least the sleep) are still there.
    expect(processesRunning(seconds).length).toBeGreaterThan(0)

    const second = await startServe(['--port', '0', '--data-dir', dataDir], env)
    expect(await waitUntilGone(pids)).toEqual([])
    expect(second.stderr.join('\n')).toContain('left running by a previous run')
  })
})

describe('the API token', { timeout: 120_000 }, () => {
  it('is not in the environment of claude nor of the tools it runs', async () => {
    const saved = process.env.SHOGGOTH_TOKEN
    process.env.SHOGGOTH_TOKEN = 'must-not-leak-0123456789abcdef'
    try {
      const s = await server()
      const flowId = (await s.request('/api/flows', { method: 'POST', body: withWorkDir() })).json<{ id: string }>().id
      const turn = openSse(s.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: s.token, body: { prompt: 'env [[bash:echo "token=${SHOGGOTH_TOKEN:-none}"]]' } })
      await turn.waitFor('result', 60_000)
      const [pid] = s.backend.launcher.pids()
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain('SHOGGOTH_TOKEN')
      await turn.ended
      const text = turn.events.filter((e) => e.event === 'text_delta' || e.event === 'tool_result').map((e) => e.data).join('')
      expect(text).toContain('token=none')
      expect(text).not.toContain('must-not-leak')
    } finally {
      if (saved === undefined) delete process.env.SHOGGOTH_TOKEN
      else process.env.SHOGGOTH_TOKEN = saved
    }
  })
})
