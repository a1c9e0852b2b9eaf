// Unattended runs: an executor in ask mode waits for an answer (announced on
// runs/live and at /api/permissions with its run_id), is denied automatically
// after SHOGGOTH_APPROVAL_TIMEOUT_SECONDS, and the run goes on. Skip-all flows
// of the original still run without asking.
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PermissionRequest } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { quietHome } from '../support/quiet-home'
import { node, runHelpers, untilEnd } from '../support/run-flows'
import { openSse } from '../support/sse-client'
import { startTestServer, type TestServer } from '../support/server'

let world: ClaudeWorld
let server: TestServer
const { createFlow, live, trigger, runsOf } = runHelpers(() => server)

beforeAll(async () => {
  world = await startClaudeWorld()
  server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: quietHome(world), approvalTimeoutMs: 3_000 })
})
afterAll(async () => {
  await server.stop()
  await world.close()
})

async function runFlow(config: object): Promise<{ flowId: string; dir: string }> {
  const dir = await mkdtemp(join(world.workDir, 'run-'))
  const flowId = await createFlow({ name: 'Unattended', nodes: [node('when', 'trigger', 'manual', {}), node('x', 'executor', 'claude-code', { working_dir: dir, ...config })] })
  return { flowId, dir }
}

describe('unattended runs', { timeout: 120_000 }, () => {
  it('waits for approval, then times out into a deny and completes', async () => {
    const { flowId, dir } = await runFlow({ prompt: 'Tidy up. [[bash:touch late.txt]]', permission_mode: 'ask' })
    const global = openSse(server.url, `/api/permissions/stream?token=${server.token}`)
    const stream = await live(flowId)
    const started = await trigger(flowId)
    expect(started.status).toBe(202)
    const asked = JSON.parse((await global.waitFor('permission_request', 60_000)).data) as PermissionRequest
    expect(asked).toMatchObject({ flow_id: flowId, node_id: 'x', session_id: null, run_id: started.json.run_id, tool_name: 'Bash' })
    expect((await server.request('/api/permissions')).json<{ permissions: PermissionRequest[] }>().permissions.map((p) => p.id)).toEqual([asked.id])

    const events = await untilEnd(stream)
    stream.abort()
    const logs = events.filter((e) => e.event_type === 'log' && e.node_id === 'x').map((e) => e.message)
    expect(logs).toEqual(['waiting for approval: Bash touch late.txt', 'approval for Bash touch late.txt: timed out (No answer within 3 seconds; denied automatically)'])
    expect(events.at(-1)!.event_type).toBe('run_completed')
    const settled = JSON.parse((await global.waitFor('permission_settled')).data) as { outcome: string; message: string }
    global.abort()
    expect(settled).toMatchObject({ outcome: 'timed_out', message: 'No answer within 3 seconds; denied automatically' })
    expect(existsSync(join(dir, 'late.txt'))).toBe(false)
    const [run] = await runsOf(flowId)
    expect(run!.status).toBe('success')
    expect(run!.node_runs[0]!.output_preview).toBe('Ran: No answer within 3 seconds; denied automatically')
  })

  it('an answer over the API lets the run go on at once', async () => {
    const { flowId, dir } = await runFlow({ prompt: 'Tidy up. [[bash:touch approved.txt]]', permission_mode: 'ask' })
    const global = openSse(server.url, `/api/permissions/stream?token=${server.token}`)
    const stream = await live(flowId)
    await trigger(flowId)
    const asked = JSON.parse((await global.waitFor('permission_request', 60_000)).data) as PermissionRequest
    global.abort()
    expect((await server.request(`/api/permissions/${asked.id}`, { method: 'POST', body: { behavior: 'allow' } })).status).toBe(200)
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.at(-1)!.event_type).toBe('run_completed')
    expect(events.filter((e) => e.event_type === 'log' && e.node_id === 'x').map((e) => e.message)).toEqual(['waiting for approval: Bash touch approved.txt', 'approval for Bash touch approved.txt: allowed'])
    expect(existsSync(join(dir, 'approved.txt'))).toBe(true)
  })

  it('a skip-all flow written by the original (no permission_mode, empty permissions) runs without asking', async () => {
    const { flowId, dir } = await runFlow({ prompt: 'Tidy up. [[bash:touch free.txt]]', permissions: [] })
    const stream = await live(flowId)
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.some((e) => e.event_type === 'log' && e.message.startsWith('waiting for approval'))).toBe(false)
    expect(events.at(-1)!.event_type).toBe('run_completed')
    expect(existsSync(join(dir, 'free.txt'))).toBe(true)
  })
})
