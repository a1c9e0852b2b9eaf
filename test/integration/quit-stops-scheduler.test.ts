// Quitting stops the scheduler before anything else: once Backend.close() has
// begun, no cron fire starts a run, even one a resume from sleep makes due in
// the same moment (the desktop app calls close() as its quit begins).
import { afterEach, expect, it } from 'vitest'
import { ManualClock, settle } from '../support/manual-clock'
import { startTestServer, type TestServer } from '../support/server'

const HOUR = 3_600_000
const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

it('once close() has begun, a cron fire that is due starts no run', async () => {
  const clock = new ManualClock(Date.parse('2026-02-24T10:30:00Z'))
  const server = await startTestServer({ clock })
  servers.push(server)
  const created = await server.request('/api/flows', {
    method: 'POST',
    body: { name: 'Hourly', nodes: [{ id: 't', node_type: 'trigger', kind: 'cron', config: { schedule: '0 * * * *' }, position: { x: 0, y: 0 }, label: 'When' }] },
  })
  const { id } = created.json<{ id: string }>()
  await settle()
  expect(server.backend.scheduler.isActive(id)).toBe(true)

  // Asleep over 11:00; on waking the app quits, and the resume arrives as it does.
  clock.leap(HOUR)
  const closing = server.backend.close()
  server.backend.scheduler.recheckDue()
  await closing

  expect(server.backend.runs.list(id)).toEqual([])
})

it('a quit while stored data still loads leaves no trigger running once the load ends', async () => {
  const first = await startTestServer()
  await first.request('/api/flows', {
    method: 'POST',
    body: { name: 'Daily', nodes: [{ id: 't', node_type: 'trigger', kind: 'cron', config: { schedule: '0 9 * * *' }, position: { x: 0, y: 0 }, label: 'At nine' }] },
  })
  await first.backend.close()

  const server = await startTestServer({ dataDir: first.dataDir, returnWhenListening: true })
  servers.push(server)
  await server.backend.close()
  expect(server.backend.scheduler.status()).toMatchObject({ total_flows: 1, active_count: 0 })
})
