// Cancelling a run, refusing a second manual run while one is going, and the
// executor's live output — through real HTTP, with the real claude CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FlowRun, RunEvent } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { uniqueSleep, toolStarted } from '../support/descendants'
import { isAlive, waitUntilGone } from '../support/processes'
import { node, runHelpers, sleep, untilEnd } from '../support/run-flows'
import { startTestServer, type TestServer } from '../support/server'
import { startFakeSlack, type FakeSlack } from '../fixtures/fake-slack'

let world: ClaudeWorld
let slack: FakeSlack
let server: TestServer
/** Tool processes found, ended after the tests whatever happened. */
const strays: number[] = []
const { createFlow, live, trigger, runsOf } = runHelpers(() => server)

beforeAll(async () => {
  world = await startClaudeWorld()
  slack = await startFakeSlack()
  server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, integrationEnv: { SLACK_HOOK: slack.webhookUrl } })
})
afterAll(async () => {
  for (const pid of strays) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
  await server.stop()
  await Promise.all([world.close(), slack.close()])
})

const exec = (id: string, prompt: string) => node(id, 'executor', 'claude-code', { prompt, working_dir: world.workDir }, `Exec ${id}`)
const cancel = (flowId: string, runId: string) => server.request(`/api/flows/${flowId}/runs/${runId}/cancel`, { method: 'POST' })

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}

describe('cancel', () => {
  it('ends the executor and everything it started, records the run cancelled and delivers nothing', async () => {
    const tool = uniqueSleep()
    const flowId = await createFlow({
      name: 'Long job',
      nodes: [node('t', 'trigger', 'manual', {}), exec('x', `Work hard [[bash:${tool.command}]]`), node('team', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }, 'Team')],
    })
    const stream = await live(flowId)
    const started = await trigger(flowId)
    expect(started.status).toBe(202)
    const runId = started.json.run_id as string
    // Wait until claude runs the tool, so there is a grandchild to end too. It is found by
    // its command line: the Bash tool may start it in a session of its own, and setting up
    // the CLI's shell takes seconds on a busy machine.
    await stream.waitFor('executor_tool_use', 20_000)
    const members = [...server.backend.launcher.pids(), ...(await toolStarted(tool.seconds, strays))]
    const postsBefore = slack.requests.length

    const res = await cancel(flowId, runId)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ status: 'cancelled', run_id: runId })
    expect(await waitUntilGone(members, 5_000)).toEqual([])

    await untilEnd(stream)
    // A second run is accepted only once the first is over, and its first event comes after
    // anything the first still sent: then nothing more of the first is on its way.
    const next = await trigger(flowId)
    expect(next.status).toBe(202)
    await waitFor('the second run to start', () => stream.events.some((e) => (JSON.parse(e.data) as RunEvent).run_id === next.json.run_id))
    expect((await cancel(flowId, next.json.run_id as string)).status).toBe(200)
    await untilEnd(stream, 2)
    stream.abort()
    const ofRun = stream.events.map((e) => JSON.parse(e.data) as RunEvent).filter((e) => e.run_id === runId)
    expect(ofRun.at(-1)!.event_type).toBe('run_cancelled')
    expect(ofRun.at(-1)!.message).toMatch(/^Cancelled after \d+\.\ds$/)
    expect(ofRun.map((e) => e.event_type)).not.toContain('node_failed')
    expect(slack.requests.length).toBe(postsBefore)

    const run = (await runsOf(flowId)).find((r) => r.id === runId)
    expect(run).toMatchObject({ id: runId, status: 'cancelled', error: null, trigger: 'manual' })
    expect(run!.finished_at).not.toBeNull()
    expect(run!.node_runs).toEqual([expect.objectContaining({ node_id: 'x', status: 'failed', output_preview: 'Cancelled' })])
    expect(run!.node_runs[0]!.finished_at).not.toBeNull()

    // A finished run cannot be cancelled; unknown runs and flows are 404s.
    const again = await cancel(flowId, runId)
    expect(again.status).toBe(409)
    expect(again.json<{ error: string }>().error).toBe(`run ${runId} has already finished (cancelled); only a running run can be cancelled`)
    expect((await cancel(flowId, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await cancel('no-such-flow', runId)).status).toBe(404)
  })

  it('cancelling a completed run is a 409', async () => {
    const flowId = await createFlow({ name: 'Quick', nodes: [exec('x', 'Hi [[reply:done]]')] })
    const stream = await live(flowId)
    const { json } = await trigger(flowId)
    await untilEnd(stream)
    stream.abort()
    const res = await cancel(flowId, json.run_id as string)
    expect(res.status).toBe(409)
    expect(res.json<{ error: string }>().error).toMatch(/has already finished \(success\)/)
  })
})

describe('one manual run at a time', () => {
  it('a second trigger while a run is going is a 409 naming it; allow_overlap starts another', async () => {
    const flowId = await createFlow({ name: 'Busy', nodes: [exec('x', 'Slowly [[slow:400]]')] })
    const first = await trigger(flowId)
    expect(first.status).toBe(202)
    expect(first.json).toMatchObject({ status: 'triggered', flow_id: flowId, run_id: expect.any(String) })
    const runId = first.json.run_id as string

    const second = await trigger(flowId)
    expect(second.status).toBe(409)
    expect(second.json).toEqual({ error: expect.stringContaining(runId), run_id: runId })

    expect((await trigger(flowId, { allow_overlap: 'yes' })).status).toBe(422)
    const third = await trigger(flowId, { allow_overlap: true })
    expect(third.status).toBe(202)
    expect(third.json.run_id).not.toBe(runId)

    const running = (await runsOf(flowId)).filter((run) => run.status === 'running')
    expect(running.map((run) => run.id).sort()).toEqual([runId, third.json.run_id as string].sort())
    for (const run of running) expect((await cancel(flowId, run.id)).status).toBe(200)
    expect((await runsOf(flowId)).map((run) => run.status)).toEqual(['cancelled', 'cancelled'])
    // Once nothing runs, a plain trigger works again.
    const fourth = await trigger(flowId)
    expect(fourth.status).toBe(202)
    expect((await cancel(flowId, fourth.json.run_id as string)).status).toBe(200)
  })
})

describe('live executor output', () => {
  it('text, tool calls and tool results arrive while the executor works and match the stored output', async () => {
    const flowId = await createFlow({ name: 'Chatty', nodes: [exec('x', 'Check the box [[bash:echo hello-live]]')] })
    const slowId = await createFlow({ name: 'Talky', nodes: [exec('y', 'Talk [[slow:300]]')] })

    const stream = await live(flowId)
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    const output = events.filter((e) => e.event_type.startsWith('executor_'))
    expect(output.every((e) => e.node_id === 'x')).toBe(true)
    const toolUse = output.find((e) => e.event_type === 'executor_tool_use')!
    expect(JSON.parse(toolUse.message)).toMatchObject({ tool: 'Bash', input: { command: 'echo hello-live' } })
    expect(output.find((e) => e.event_type === 'executor_tool_result')!.message).toContain('hello-live')
    const text = output.filter((e) => e.event_type === 'executor_text').map((e) => e.message).join('')
    expect(text).toContain('Ran: hello-live')
    // The contract's events keep their order around the extension.
    const completed = events.findIndex((e) => e.event_type === 'node_completed' && e.node_id === 'x')
    expect(events.findIndex((e) => e.event_type.startsWith('executor_'))).toBeGreaterThan(events.findIndex((e) => e.event_type === 'node_started' && e.node_id === 'x'))
    expect(events.findLastIndex((e) => e.event_type.startsWith('executor_'))).toBeLessThan(completed)

    const [run]: FlowRun[] = await runsOf(flowId)
    const stored = run!.node_runs.find((n) => n.node_id === 'x')!
    const asStored = (e: RunEvent) => (e.event_type === 'executor_text' ? e.message : `\n[${e.event_type === 'executor_tool_use' ? 'tool_use' : 'tool_result'}] ${e.message}\n`)
    expect(stored.output).toBe(output.map(asStored).join(''))
    expect(run!.trigger).toBe('manual')
    const cost = /\$(\d+\.\d{4})/.exec(events[completed]!.message)![1]!
    expect(run!.cost_usd!.toFixed(4)).toBe(cost)
    expect(run!.cost_usd).toBeGreaterThan(0)

    // Streamed text comes while claude is still writing: when the first text arrives, the
    // stand-in is still pacing out the other nine ticks and the node has not completed.
    const slow = await live(slowId)
    await trigger(slowId)
    await slow.waitFor('executor_text', 30_000)
    expect(slow.events.filter((e) => e.event === 'node_completed')).toEqual([])
    await untilEnd(slow)
    slow.abort()
    expect(slow.events.filter((e) => e.event === 'executor_text').length).toBeGreaterThan(3)
    const [slowRun] = await runsOf(slowId)
    const streamed = slow.events.filter((e) => e.event === 'executor_text').map((e) => (JSON.parse(e.data) as RunEvent).message).join('')
    expect(slowRun!.node_runs[0]!.output).toBe(streamed)
    expect(streamed).toBe(Array.from({ length: 10 }, (_, i) => `tick ${i} `).join(''))
  }, 90_000)
})
