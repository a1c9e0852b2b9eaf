// Backend.close() promises that every write is on disk when it resolves (the
// SIGTERM handler exits right after). Writes whose clients hung up hold no
// connection open, so only the final drain waits for them.
import { readdir, readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { startTestServer } from '../support/server'

it('close() resolves only once every write in flight is on disk, whole', async () => {
  const s = await startTestServer()
  const flowsDir = join(s.dataDir, 'flows')
  const description = 'd'.repeat(1_500_000)
  const requests = Array.from({ length: 24 }, (_, i) => {
    const req = request(`${s.url}/api/flows`, { method: 'POST', agent: false, headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' } })
    req.on('error', () => undefined)
    req.end(JSON.stringify({ name: `f${i}`, description }))
    return req
  })
  // Writes are in flight once their temp files exist; then every client hangs up.
  while (!(await readdir(flowsDir)).some((name) => name.endsWith('.tmp'))) await new Promise((resolve) => setImmediate(resolve))
  for (const req of requests) req.destroy()
  await s.backend.close()

  const files = await readdir(flowsDir)
  expect(files.filter((name) => !name.endsWith('.json'))).toEqual([])
  expect(files.length).toBeGreaterThan(0)
  for (const name of files) expect(JSON.parse(await readFile(join(flowsDir, name), 'utf8'))).toMatchObject({ description })
  await s.stop()
})
