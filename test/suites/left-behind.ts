// Every way a turn, session, run or the app ends, as a step that starts a real
// `claude` whose Bash tool runs a command, ends it that way and returns the
// pids that must then be gone. The Bash tool runs commands in sessions of their
// own (setsid), outside claude's process group; some steps detach the command
// on purpose. Used by the tests (one cycle each) and by `npm run soak`.
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLAUDE_BIN, type ClaudeWorld } from '../support/claude'
import { toolStarted, uniqueSleep } from '../support/descendants'
import { isAlive, waitUntilGone } from '../support/processes'
import { node, runHelpers, untilEnd } from '../support/run-flows'
import { startServe, stopAllServes } from '../support/serve-process'
import { makeTempDir, rawRequest, startTestServer, type TestServer } from '../support/server'
import { openSse, type SseCall } from '../support/sse-client'

export class EndingContext {
  private readonly servers: TestServer[] = []
  private readonly dataDirs: string[] = []
  /** Pids killed at the end whatever happened, so a failed check leaks nothing. */
  readonly strays: number[] = []

  constructor(readonly world: ClaudeWorld) {}

  async server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
    const s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: this.world.childEnv, ...overrides })
    this.servers.push(s)
    return s
  }

  /** The headless server as a child process, for endings by signal. */
  async serve(token: string): Promise<{ url: string; dataDir: string; kill(signal: NodeJS.Signals): Promise<number | null> }> {
    const dataDir = await makeTempDir()
    this.dataDirs.push(dataDir)
    const serve = await startServe(['--port', '0', '--data-dir', dataDir], { ...this.world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: token })
    return { url: serve.url, dataDir, kill: (signal) => (serve.child.kill(signal), serve.exited) }
  }

  async end(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((s) => s.stop()))
    await stopAllServes()
    for (const pid of this.strays.splice(0).filter(isAlive)) process.kill(pid, 'SIGKILL')
    await Promise.all(this.dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  }
}

export interface Ending {
  /** Ends claude this way; returns the pids that must be gone afterwards. */
  run(context: EndingContext): Promise<number[]>
}

const executorFlow = (workDir: string) => ({
  name: 'Descendants',
  nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: workDir }, position: { x: 0, y: 0 }, label: 'Exec' }],
})

/**
 * A command left running in the background, in a session of its own, after the
 * turn has ended. It writes its pid first (then becomes the sleep), so it is
 * known to have run even when it is ended before anyone looks.
 */
function detachedCommand(context: EndingContext): { prompt: string; pid(): Promise<number> } {
  const { seconds } = uniqueSleep()
  const pidFile = join(tmpdir(), `shoggoth-detached-${seconds}.pid`)
  return {
    prompt: `work [[bash:setsid sh -c 'echo $$ > ${pidFile}; exec sleep ${seconds}' >/dev/null 2>&1 < /dev/null & echo started]]`,
    async pid() {
      const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim())
      must(pid > 0, 'the detached command never ran')
      await rm(pidFile, { force: true })
      context.strays.push(pid)
      return pid
    },
  }
}

async function newFlow(s: { url: string; token: string }, workDir: string): Promise<string> {
  return (await rawRequest(s.url, '/api/flows', { method: 'POST', body: executorFlow(workDir), token: s.token })).json<{ id: string }>().id
}

/** A node turn that leaves a detached command behind, still running with the warm claude; returns its pid. */
async function nodeTurnLeaving(s: { url: string; token: string }, flowId: string, context: EndingContext, sessionId?: string): Promise<number> {
  const command = detachedCommand(context)
  const body = { prompt: command.prompt, ...(sessionId ? { session_id: sessionId } : {}) }
  const turn = openSse(s.url, `/api/flows/${flowId}/nodes/exec/interact`, { token: s.token, body })
  await turn.ended
  must(turn.events.at(-1)?.event === 'done', `the turn did not end with done: ${turn.events.map((e) => e.event).join(', ')}`)
  const pid = await command.pid()
  must(isAlive(pid), 'the detached command ended with the turn, before the ending under test')
  return pid
}

/** A step of an ending that did not go as the ending needs. */
function must(holds: boolean, what: string): void {
  if (!holds) throw new Error(what)
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 20))
  }
}

/** A turn on `path` whose Bash tool runs a sleep; resolves once the sleep runs, with its pids. */
async function toolTurn(s: { url: string; token: string }, path: string, context: EndingContext, extra: object = {}): Promise<{ turn: SseCall; pids: number[] }> {
  const { command, seconds } = uniqueSleep()
  const turn = openSse(s.url, path, { token: s.token, body: { prompt: `work [[bash:${command}]]`, ...extra } })
  return { turn, pids: await toolStarted(seconds, context.strays) }
}

/** Stops a turn (`interact`: the lead agent's, `nodes/exec/interact`: a node's) while its tool runs. */
async function stopDuringTool(context: EndingContext, interact: string): Promise<number[]> {
  const s = await context.server()
  const flowId = await newFlow(s, context.world.workDir)
  const { turn, pids } = await toolTurn(s, `/api/flows/${flowId}/${interact}`, context)
  const answer = await s.request(`/api/flows/${flowId}/${interact}/stop`, { method: 'POST', body: {} })
  must(answer.text === '{"status":"stopped"}', 'the stop was not answered {"status":"stopped"}')
  await turn.ended
  must(turn.events.at(-1)?.event === 'done', 'the stopped turn did not end with done')
  return pids
}
const answered200 = async (answer: Promise<{ status: number }>, what: string) => must((await answer).status === 200, `${what} was not answered 200`)

export const endings = {
  'a lead-agent stop': { run: (context) => stopDuringTool(context, 'interact') },
  // claude itself stays warm for the next message; only what it started must end.
  'a node stop': { run: (context) => stopDuringTool(context, 'nodes/exec/interact') },
  'a session delete during a turn': {
    async run(context) {
      const s = await context.server()
      const flowId = await newFlow(s, context.world.workDir)
      const base = `/api/flows/${flowId}/nodes/exec/interact`
      await s.request(`${base}/new`, { method: 'POST' })
      const { session_id } = (await s.request(`${base}/new`, { method: 'POST' })).json<{ session_id: string }>()
      const { turn, pids } = await toolTurn(s, base, context, { session_id })
      await answered200(s.request(`${base}/sessions/${session_id}`, { method: 'DELETE' }), 'the session delete')
      await turn.ended
      return pids
    },
  },
  'a flow delete during a turn': {
    async run(context) {
      const s = await context.server()
      const flowId = await newFlow(s, context.world.workDir)
      const { turn, pids } = await toolTurn(s, `/api/flows/${flowId}/nodes/exec/interact`, context)
      await answered200(s.request(`/api/flows/${flowId}`, { method: 'DELETE' }), 'the flow delete')
      await turn.ended
      return pids
    },
  },
  'a run cancel': {
    async run(context) {
      const s = await context.server()
      const { createFlow, trigger } = runHelpers(() => s)
      const { command, seconds } = uniqueSleep()
      const flowId = await createFlow({
        name: 'Long job',
        nodes: [node('t', 'trigger', 'manual', {}), node('x', 'executor', 'claude-code', { prompt: `work [[bash:${command}]]`, working_dir: context.world.workDir })],
        edges: [{ id: 'e', source: 't', target: 'x' }],
      })
      const runId = (await trigger(flowId)).json.run_id as string
      const pids = await toolStarted(seconds, context.strays)
      await answered200(s.request(`/api/flows/${flowId}/runs/${runId}/cancel`, { method: 'POST' }), 'the cancel')
      return pids
    },
  },
  'a run that completes, leaving a detached command': {
    async run(context) {
      const s = await context.server()
      const { createFlow, trigger, live } = runHelpers(() => s)
      const command = detachedCommand(context)
      const flowId = await createFlow({ name: 'Quick job', nodes: [node('x', 'executor', 'claude-code', { prompt: command.prompt, working_dir: context.world.workDir })] })
      const stream = await live(flowId)
      await trigger(flowId)
      must((await untilEnd(stream)).at(-1)?.event_type === 'run_completed', 'the run did not complete')
      stream.abort()
      return [await command.pid()]
    },
  },
  'a lead-agent turn that ends on its own, leaving a detached command': {
    async run(context) {
      const s = await context.server()
      const flowId = await newFlow(s, context.world.workDir)
      const command = detachedCommand(context)
      const turn = openSse(s.url, `/api/flows/${flowId}/interact`, { token: s.token, body: { prompt: command.prompt } })
      await turn.ended
      must(turn.events.at(-1)?.event === 'done', 'the turn did not end with done')
      return [await command.pid()]
    },
  },
  'an idle session closed after its idle time': {
    async run(context) {
      const s = await context.server({ idleTimeoutMs: 1_000 })
      const flowId = await newFlow(s, context.world.workDir)
      const claude = s.backend.launcher.pids()
      return [await nodeTurnLeaving(s, flowId, context), ...claude]
    },
  },
  'the least recently used session closed for a new one': {
    async run(context) {
      const s = await context.server({ maxLiveSessions: 1 })
      const flowId = await newFlow(s, context.world.workDir)
      const base = `/api/flows/${flowId}/nodes/exec/interact`
      const first = (await s.request(`${base}/new`, { method: 'POST' })).json<{ session_id: string }>().session_id
      const left = await nodeTurnLeaving(s, flowId, context, first)
      const firstClaude = s.backend.launcher.pids()
      must(firstClaude.length === 1, 'the first session has no live claude')
      const second = (await s.request(`${base}/new`, { method: 'POST' })).json<{ session_id: string }>().session_id
      const turn = openSse(s.url, base, { token: s.token, body: { prompt: 'hello', session_id: second } })
      await turn.ended
      return [left, ...firstClaude]
    },
  },
  'SIGTERM of the server with a busy turn': {
    async run(context) {
      const token = 'left-behind-sigterm-busy-0123456789abcdef'
      const serve = await context.serve(token)
      const flowId = await newFlow({ url: serve.url, token }, context.world.workDir)
      const { pids } = await toolTurn({ url: serve.url, token }, `/api/flows/${flowId}/nodes/exec/interact`, context)
      must((await serve.kill('SIGTERM')) === 0, 'serve did not exit 0 on SIGTERM')
      return pids
    },
  },
  'SIGTERM of an idle server': {
    async run(context) {
      const token = 'left-behind-sigterm-idle-0123456789abcdef'
      const serve = await context.serve(token)
      const flowId = await newFlow({ url: serve.url, token }, context.world.workDir)
      const left = await nodeTurnLeaving({ url: serve.url, token }, flowId, context)
      must((await serve.kill('SIGTERM')) === 0, 'serve did not exit 0 on SIGTERM')
      return [left]
    },
  },
  'the next start after a SIGKILL of the server': {
    async run(context) {
      const token = 'left-behind-sigkill-0123456789abcdef'
      const first = await context.serve(token)
      const flowId = await newFlow({ url: first.url, token }, context.world.workDir)
      const { turn, pids } = await toolTurn({ url: first.url, token }, `/api/flows/${flowId}/interact`, context)
      await first.kill('SIGKILL')
      await turn.ended
      // Nobody is left to end them until the next start.
      must(pids.some(isAlive), 'the commands ended without the next start')
      const second = await startServe(['--port', '0', '--data-dir', first.dataDir], { ...context.world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, SHOGGOTH_TOKEN: token })
      // stderr is read on its own pipe: the line may come in just after stdout's.
      await until('the next start to say it ended what was left', () => second.stderr.join('\n').includes('left running by a previous run'))
      return pids
    },
  },
} satisfies Record<string, Ending>

export type EndingName = keyof typeof endings

/** Runs one ending; returns the pids still alive once they had time to go (none, when it holds). */
export async function leftAfter(name: EndingName, context: EndingContext): Promise<number[]> {
  const pids = await endings[name].run(context)
  if (pids.length === 0) throw new Error(`${name}: no process to watch`)
  return waitUntilGone(pids)
}
