// The server listens before its stored data is loaded (the app and `serve`
// start this way): a request that arrives meanwhile waits and then sees all
// of it, never a partial list, and the UI's own files are not held up.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { rawRequest, startTestServer, type TestServer } from '../support/server'

const FLOWS = 3_000
const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

describe('startup while a large data dir loads', () => {
  it('answers the first requests with every stored flow, running the scheduler for them', async () => {
    // One flow made through the API, stored 3,000 times under new ids.
    const first = await startTestServer()
    const made = (await first.request('/api/flows', { method: 'POST', body: { name: 'Daily', nodes: [{ id: 't', node_type: 'trigger', kind: 'cron', config: { schedule: '0 9 * * *' }, position: { x: 0, y: 0 }, label: 'At nine' }] } })).json<{ id: string }>()
    await first.backend.close()
    const stored = JSON.parse(await readFile(join(first.dataDir, 'flows', `${made.id}.json`), 'utf8')) as { id: string; name: string }
    for (let i = 1; i < FLOWS; i++) {
      const id = randomUUID()
      await writeFile(join(first.dataDir, 'flows', `${id}.json`), JSON.stringify({ ...stored, id, name: `Daily ${i}` }))
    }

    const server = await startTestServer({ dataDir: first.dataDir, returnWhenListening: true })
    servers.push(server)
    let loaded = false
    void server.backend.ready.then(() => (loaded = true))
    // Asked at once, while the load is still going.
    expect(loaded).toBe(false)
    const [flows, status] = await Promise.all([server.request('/api/flows'), server.request('/api/scheduler/status'), server.backend.ready])
    expect(flows.status).toBe(200)
    expect(flows.json<{ flows: unknown[] }>().flows).toHaveLength(FLOWS)
    expect(status.json<{ active_count: number }>().active_count).toBe(FLOWS)
    expect(server.log.lines.some((line) => line.includes(`loaded ${FLOWS} flow(s)`))).toBe(true)
  })

  it('still asks for the token first: a wrong one is refused without waiting for the load', async () => {
    const server = await startTestServer({ returnWhenListening: true })
    servers.push(server)
    const refused = await rawRequest(server.url, '/api/flows', { token: 'not-the-token' })
    expect(refused.status).toBe(401)
    await server.backend.ready
  })
})
