// A second writer is told instead of silently overwriting (If-Match on PUT, an extension).
import { afterEach, describe, expect, it } from 'vitest'
import type { Flow, FlowConflict } from '../../src-main/contract/api'
import { startTestServer, type TestServer } from '../support/server'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

describe('PUT /api/flows/{id} with If-Match', () => {
  it('saves when the version matches and refuses a stale one with 412 and the newer flow', async () => {
    server = await startTestServer()
    const id = (await server.request('/api/flows', { method: 'POST', body: { name: 'Shared' } })).json<{ id: string }>().id
    const loaded = (await server.request(`/api/flows/${id}`)).json<Flow>()

    const first = await server.request(`/api/flows/${id}`, { method: 'PUT', body: { name: 'From window A' }, headers: { 'If-Match': loaded.updated_at } })
    expect(first.status).toBe(200)
    const saved = first.json<Flow>()
    expect(saved.updated_at).not.toBe(loaded.updated_at)

    const stale = await server.request(`/api/flows/${id}`, { method: 'PUT', body: { name: 'From window B' }, headers: { 'If-Match': loaded.updated_at } })
    expect(stale.status).toBe(412)
    const conflict = stale.json<FlowConflict>()
    expect(conflict.error).toMatch(/changed elsewhere/)
    expect(conflict.flow.name).toBe('From window A')
    expect((await server.request(`/api/flows/${id}`)).json<Flow>().name).toBe('From window A')
  })

  it('tells every version apart even when writes land in the same millisecond', async () => {
    server = await startTestServer()
    const id = (await server.request('/api/flows', { method: 'POST', body: { name: 'Fast' } })).json<{ id: string }>().id
    const stamps = new Set<string>()
    for (let i = 0; i < 20; i++) stamps.add((await server.request(`/api/flows/${id}`, { method: 'PUT', body: { description: String(i) } })).json<Flow>().updated_at)
    expect(stamps.size).toBe(20)
  })

  it('without If-Match keeps the contract: the last writer wins', async () => {
    server = await startTestServer()
    const id = (await server.request('/api/flows', { method: 'POST', body: { name: 'Plain' } })).json<{ id: string }>().id
    expect((await server.request(`/api/flows/${id}`, { method: 'PUT', body: { name: 'A' } })).status).toBe(200)
    expect((await server.request(`/api/flows/${id}`, { method: 'PUT', body: { name: 'B' } })).status).toBe(200)
  })
})
