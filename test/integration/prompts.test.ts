// The prompt library (§11) over real HTTP.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SavedPrompt } from '../../src-main/contract/api'
import { startTestServer, type TestServer } from '../support/server'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
})
afterAll(() => s.stop())

describe('prompts', () => {
  it('creates (201), reads, lists, updates and deletes a prompt', async () => {
    const created = await s.request('/api/prompts', { method: 'POST', body: { title: 'Daily digest', summary: 'Summarise {{content}}', tags: ['news'] } })
    expect(created.status).toBe(201)
    const { id } = created.json<{ id: string }>()

    const prompt = (await s.request(`/api/prompts/${id}`)).json<SavedPrompt>()
    expect(prompt).toEqual({ id, title: 'Daily digest', summary: 'Summarise {{content}}', source_flow_name: '', tags: ['news'], created_at: prompt.created_at })
    const onDisk = JSON.parse(await readFile(join(s.dataDir, 'prompts', `${id}.json`), 'utf8')) as SavedPrompt
    expect(onDisk).toEqual(prompt)

    const { prompts } = (await s.request('/api/prompts')).json<{ prompts: SavedPrompt[] }>()
    expect(prompts.map((p) => p.id)).toContain(id)

    // source_flow_name and created_at are immutable; present fields replace.
    const updated = await s.request(`/api/prompts/${id}`, { method: 'PUT', body: { title: 'Renamed', tags: [], source_flow_name: 'x', created_at: 'y' } })
    expect(updated.status).toBe(200)
    expect(updated.json()).toEqual({ ...prompt, title: 'Renamed', tags: [] })

    expect((await s.request(`/api/prompts/${id}`, { method: 'DELETE' })).json()).toEqual({ deleted: true })
    expect((await s.request(`/api/prompts/${id}`)).status).toBe(404)
  })

  it('answers the contract errors', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await s.request(`/api/prompts/${missing}`)).json()).toEqual({ error: 'prompt not found' })
    expect((await s.request(`/api/prompts/${missing}`, { method: 'PUT', body: { title: 'x' } })).status).toBe(404)
    expect((await s.request(`/api/prompts/${missing}`, { method: 'DELETE' })).status).toBe(404)
    const noSummary = await s.request('/api/prompts', { method: 'POST', body: { title: 't' } })
    expect(noSummary.status).toBe(422)
    expect(noSummary.json<{ error: string }>().error).toContain('summary')
    const badTags = await s.request('/api/prompts', { method: 'POST', body: { title: 't', summary: 's', tags: ['a', 1] } })
    expect(badTags.json<{ error: string }>().error).toContain('tags[1]')
  })

  it('survive a restart', async () => {
    const { id } = (await s.request('/api/prompts', { method: 'POST', body: { title: 'Kept', summary: 's', source_flow_name: 'Flow A' } })).json<{ id: string }>()
    await s.restart()
    expect((await s.request(`/api/prompts/${id}`)).json()).toMatchObject({ title: 'Kept', source_flow_name: 'Flow A' })
  })
})
