// Where a browser lands: the bare address leads to the app; API clients keep the contract's 404.
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ rendererDir: resolve('out/renderer') })
})
afterAll(() => server.stop())

describe('GET /', () => {
  it('sends a browser asking for HTML to /app/', async () => {
    const res = await server.request('/', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe('/app/')
  })

  it('is still a JSON 404 for an API client', async () => {
    const res = await server.request('/', { headers: { accept: 'application/json' } })
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ error: 'not found' })
  })
})
