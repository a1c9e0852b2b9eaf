// The same conformance tests for both implementations of the bridge: the
// built Electron preload (loaded as a sandbox would) and the browser shim.
// Real backend on loopback, reached through a proxy the test can cut.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Connection, ShoggothBridge, StreamError, StreamMessage, Unsubscribe } from '../../src-main/contract/bridge'
import { createBrowserBridge, DEFAULT_TIMING } from '../../src-preload/bridge'
import { headerIn, startProxy, type CuttableProxy } from '../electron/cuttable-proxy'
import { loadPreload } from '../electron/preload-sandbox'
import { gaps, startScriptedSseServer, type ScriptedSseServer, type Step } from '../support/scripted-sse-server'
import { startTestServer, type TestServer } from '../support/server'

type MakeBridge = (connection: Connection) => ShoggothBridge

/** The reconnect timing under test, 20 times faster: the first wait is 50 ms instead of 1 s. */
const SPEED_UP = 20
const FIRST_WAIT_MS = DEFAULT_TIMING.retryMs / SPEED_UP

interface Implementation {
  make: MakeBridge
  /** The same bridge with its reconnect waits SPEED_UP times shorter. */
  quick: MakeBridge
  /** The `retry:` a server sends to make `quick` wait `ms`. */
  retryFor(ms: number): number
}

const preload = (connection: Connection, timeScale?: number): ShoggothBridge => {
  const { exposed } = loadPreload({ 'shoggoth:connection': () => connection, 'shoggoth:notify': () => true }, { timeScale })
  return exposed.get('shoggoth') as ShoggothBridge
}

const implementations: [string, Implementation][] = [
  // Its timing is built in: its clock runs faster instead, which shortens a server's retry: too.
  ['the built preload', { make: (connection) => preload(connection), quick: (connection) => preload(connection, 1 / SPEED_UP), retryFor: (ms) => ms * SPEED_UP }],
  [
    'the browser shim',
    {
      make: (connection) => createBrowserBridge(connection),
      quick: (connection) => createBrowserBridge(connection, { retryMs: FIRST_WAIT_MS, maxRetryMs: DEFAULT_TIMING.maxRetryMs / SPEED_UP }),
      retryFor: (ms) => ms,
    },
  ],
]

let server: TestServer
let proxy: CuttableProxy
beforeAll(async () => {
  let port = 0
  proxy = await startProxy(() => port)
  // No claude here: a chat turn reports that at once, which is all the POST test needs.
  server = await startTestServer({ allowedHosts: [`127.0.0.1:${proxy.port}`], claudeBin: '/nonexistent/claude' })
  port = server.backend.port
})
afterAll(async () => {
  await proxy.close()
  await server.stop()
})

interface Recorder {
  messages: StreamMessage[]
  errors: StreamError[]
  opens: number
  ended: boolean
  stop: Unsubscribe
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>
}

function follow(bridge: ShoggothBridge, path: string, options: Parameters<ShoggothBridge['openStream']>[2] = {}): Recorder {
  const recorder: Recorder = {
    messages: [],
    errors: [],
    opens: 0,
    ended: false,
    stop: () => undefined,
    async waitFor(check, what, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs
      while (!check()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(recorder.messages.map((m) => m.event))}`)
        await sleep(20)
      }
    },
  }
  recorder.stop = bridge.openStream(
    path,
    {
      onEvent: (message) => recorder.messages.push(message),
      onOpen: () => recorder.opens++,
      onError: (error) => recorder.errors.push(error),
      onEnd: () => (recorder.ended = true),
    },
    options,
  )
  return recorder
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function newFlow(nodes: unknown[] = []): Promise<string> {
  return (await server.request('/api/flows', { method: 'POST', body: { name: 'Streams', nodes } })).json<{ id: string }>().id
}

const finishedRuns = async (flowId: string): Promise<number> =>
  (await server.request(`/api/flows/${flowId}/runs`)).json<{ runs: { status: string }[] }>().runs.filter((run) => run.status !== 'running').length

/** Runs the flow once; with no executor it fails at once, emitting its events. Waits for its end on `recorder`, or in the history. */
async function runOnce(flowId: string, recorder: Recorder | null): Promise<void> {
  const before = recorder?.messages.filter((m) => m.event === 'run_failed').length ?? (await finishedRuns(flowId))
  const res = await server.request(`/api/flows/${flowId}/trigger`, { method: 'POST' })
  expect(res.status).toBe(202)
  if (recorder) await recorder.waitFor(() => recorder.messages.filter((m) => m.event === 'run_failed').length > before, 'run_failed')
  else {
    const end = Date.now() + 10_000
    while ((await finishedRuns(flowId)) <= before) {
      if (Date.now() > end) throw new Error('the run did not finish')
      await sleep(20)
    }
  }
}

const connectionThroughProxy = (): Connection => ({ apiBase: proxy.url, token: server.token })
const ids = (recorder: Recorder): (string | null)[] => recorder.messages.map((m) => m.id)

describe.each(implementations)('%s', (_name, { make: makeBridge, quick, retryFor }) => {
  const open: Recorder[] = []
  const scripted: ScriptedSseServer[] = []
  afterEach(async () => {
    for (const recorder of open.splice(0)) recorder.stop()
    await Promise.all(scripted.splice(0).map((server) => server.close()))
  })
  const track = (recorder: Recorder): Recorder => (open.push(recorder), recorder)

  it('opens a stream and delivers its events in order', async () => {
    const flowId = await newFlow()
    const live = track(follow(makeBridge(connectionThroughProxy()), `/api/flows/${flowId}/runs/live`))
    await live.waitFor(() => live.opens === 1, 'open')
    await runOnce(flowId, live)
    await runOnce(flowId, live)
    expect(live.messages.map((m) => m.event)).toEqual(['run_started', 'run_failed', 'run_started', 'run_failed'])
    const sequence = ids(live).map((id) => Number(id!.split('-')[1]))
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b))
    expect(JSON.parse(live.messages[0]!.data)).toMatchObject({ flow_id: flowId, event_type: 'run_started' })
    expect(live.errors).toEqual([])
  })

  it('reconnects after a drop with Last-Event-ID and delivers what it missed once', async () => {
    const flowId = await newFlow()
    const live = track(follow(makeBridge(connectionThroughProxy()), `/api/flows/${flowId}/runs/live`))
    await live.waitFor(() => live.opens === 1, 'open')
    await runOnce(flowId, live)
    const lastBeforeCut = live.messages.at(-1)!.id
    const headsBefore = proxy.heads.length

    proxy.cut()
    await live.waitFor(() => live.errors.length === 1, 'the drop')
    expect(live.errors[0]).toMatchObject({ status: null, willRetry: true })
    // Happens while the client is away: the server replays it on reconnect.
    await runOnce(flowId, null)
    await live.waitFor(() => live.opens === 2, 'the reconnect')
    await live.waitFor(() => live.messages.length === 4, 'the missed events')
    await runOnce(flowId, live)

    const reconnect = proxy.heads.slice(headsBefore).find((head) => head.includes('/runs/live'))
    expect(headerIn(reconnect!, 'last-event-id')).toBe(lastBeforeCut)
    expect(headerIn(reconnect!, 'authorization')).toBe(`Bearer ${server.token}`)
    expect(reconnect).not.toContain('token=')
    expect(live.messages.map((m) => m.event)).toEqual(['run_started', 'run_failed', 'run_started', 'run_failed', 'run_started', 'run_failed'])
    expect(new Set(ids(live)).size).toBe(6)
  })

  it('stops delivering and closes the connection on unsubscribe', async () => {
    const flowId = await newFlow()
    // Streams stopped by the previous test may still be closing: count from none.
    const end = Date.now() + 5_000
    while (proxy.openCount() > 0 && Date.now() < end) await sleep(20)
    const before = proxy.openCount()
    expect(before).toBe(0)
    const live = follow(makeBridge(connectionThroughProxy()), `/api/flows/${flowId}/runs/live`)
    await live.waitFor(() => live.opens === 1, 'open')
    expect(proxy.openCount()).toBe(before + 1)
    live.stop()
    await live.waitFor(() => proxy.openCount() === before, 'the connection to close')
    // A second subscriber sees the run's events: the first would have had them by then.
    const witness = track(follow(makeBridge(connectionThroughProxy()), `/api/flows/${flowId}/runs/live`))
    await witness.waitFor(() => witness.opens === 1, 'the witness to open')
    await runOnce(flowId, witness)
    expect(live.messages).toEqual([])
    expect(live.errors).toEqual([])
  })

  it('reports a refused token once, with its status, and does not retry', async () => {
    const flowId = await newFlow()
    const headsBefore = proxy.heads.length
    const live = track(follow(makeBridge({ apiBase: proxy.url, token: 'not-the-token' }), `/api/flows/${flowId}/runs/live`))
    await live.waitFor(() => live.errors.length === 1, 'the error')
    // A stream that drops after the refusal retries after the same delay a retry of the
    // refused one would have waited: once it is back, that retry would have been sent.
    const otherFlow = await newFlow()
    const dropped = track(follow(makeBridge(connectionThroughProxy()), `/api/flows/${otherFlow}/runs/live`))
    await dropped.waitFor(() => dropped.opens === 1, 'the other stream to open')
    proxy.cut()
    await dropped.waitFor(() => dropped.opens === 2, 'the other stream to reconnect')
    expect(live.errors).toEqual([{ status: 401, message: 'missing or invalid token', willRetry: false }])
    expect(live.opens).toBe(0)
    expect(proxy.heads.slice(headsBefore).filter((head) => head.includes(`/api/flows/${flowId}/runs/live`))).toHaveLength(1)
  })

  it('starts a chat turn with POST and ends when the server closes the turn', async () => {
    const flowId = await newFlow([
      // A working dir of its own: the chat writes .skills/ there, never into the repository.
      { id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: server.dataDir }, position: { x: 0, y: 0 }, label: 'Exec' },
    ])
    const turn = track(
      follow(makeBridge(connectionThroughProxy()), `/api/flows/${flowId}/nodes/exec/interact`, {
        method: 'POST',
        body: { prompt: 'hello' },
        resumePath: `/api/flows/${flowId}/nodes/exec/interact/stream`,
        endOnClose: true,
      }),
    )
    // No claude on this server: the turn reports why and the stream ends.
    await turn.waitFor(() => turn.ended, 'the end of the turn')
    expect(turn.opens).toBe(1)
    expect(turn.messages.some((m) => m.event === 'error')).toBe(true)
    expect(turn.errors).toEqual([])
  })

  it('reports a refused POST (409 busy, 404) without retrying it', async () => {
    const turn = track(
      follow(makeBridge(connectionThroughProxy()), '/api/flows/no-such-flow/nodes/exec/interact', {
        method: 'POST',
        body: { prompt: 'hello' },
        endOnClose: true,
      }),
    )
    await turn.waitFor(() => turn.errors.length === 1, 'the refusal')
    expect(turn.errors[0]).toEqual({ status: 404, message: 'flow not found', willRetry: false })
    expect(turn.ended).toBe(false)
  })

  describe('reconnect waits (measured at the server, on a clock 20 times faster)', () => {
    const unavailable: Step = { kind: 'unavailable' }
    const endedStream: Step = { kind: 'stream', end: true }

    /** Follows a stream from a server playing `script`, until `requests` have arrived; the time between them. */
    async function waitsBetween(script: Step[], requests: number): Promise<number[]> {
      const server = await startScriptedSseServer(script)
      scripted.push(server)
      const recorder = track(follow(quick({ apiBase: server.url, token: null }), '/events'))
      await recorder.waitFor(() => server.arrivals.length >= requests, `${requests} requests`)
      return gaps(server.arrivals)
    }
    // A timer never fires early; the margin is for the clocks' rounding.
    const atLeast = (ms: number): number => ms * 0.9

    it('double after each failure in a row', async () => {
      const waits = await waitsBetween([unavailable, unavailable, unavailable, unavailable], 5)
      expect(waits[0]).toBeGreaterThanOrEqual(atLeast(FIRST_WAIT_MS))
      expect(waits[1]).toBeGreaterThanOrEqual(atLeast(2 * FIRST_WAIT_MS))
      expect(waits[2]).toBeGreaterThanOrEqual(atLeast(4 * FIRST_WAIT_MS))
      expect(waits[3]).toBeGreaterThanOrEqual(atLeast(8 * FIRST_WAIT_MS))
    })

    it('start again from the first wait once a stream has opened', async () => {
      const waits = await waitsBetween([unavailable, unavailable, unavailable, unavailable, endedStream], 6)
      expect(waits[3]).toBeGreaterThanOrEqual(atLeast(8 * FIRST_WAIT_MS))
      // Without the reset this wait would be 16 times the first one.
      expect(waits[4]).toBeGreaterThanOrEqual(atLeast(FIRST_WAIT_MS))
      expect(waits[4]).toBeLessThan(8 * FIRST_WAIT_MS)
    })

    it("take a server's retry: as the wait, and as the first wait from then on", async () => {
      const serverWaitMs = 6 * FIRST_WAIT_MS
      const waits = await waitsBetween([{ kind: 'stream', retryMs: retryFor(serverWaitMs), end: true }, unavailable, endedStream], 4)
      expect(waits[0]).toBeGreaterThanOrEqual(atLeast(serverWaitMs))
      expect(waits[1]).toBeGreaterThanOrEqual(atLeast(2 * serverWaitMs))
      // The stream that opened reset the wait to the server's, not to the built-in first one.
      expect(waits[2]).toBeGreaterThanOrEqual(atLeast(serverWaitMs))
    })
  })
})
