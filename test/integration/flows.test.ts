// Flows CRUD (§4.3), node types (§8.2) and flow storage (§12.1, §15.3) over real HTTP.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Flow, FlowSummary, NodeTypesResponse } from '../../src-main/contract/api'
import { startTestServer, type TestServer } from '../support/server'

/** Timestamps have millisecond resolution: waits until the clock has moved past `timestamp`. */
async function clockPast(timestamp: string): Promise<void> {
  while (Date.now() <= Date.parse(timestamp)) await new Promise((resolve) => setImmediate(resolve))
}

const servers: TestServer[] = []
async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(overrides)
  servers.push(started)
  return started
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})

const rssNode = {
  id: 'src-1',
  node_type: 'source',
  kind: 'rss',
  config: { url: 'http://feeds.example/a', limit: 5 },
  position: { x: 10, y: 20 },
  label: 'Feed',
  sourceHandle: 'dropped',
}
const execNode = { id: 'exec-1', node_type: 'executor', kind: 'claude-code', config: { prompt: 'Summarise' }, position: { x: 200, y: 20 }, label: 'Summariser' }

async function createFlow(s: TestServer, body: object): Promise<string> {
  const res = await s.request('/api/flows', { method: 'POST', body })
  expect(res.status).toBe(201)
  return res.json<{ id: string }>().id
}

describe('flows CRUD', () => {
  it('creates with 201 and a UUID, and fills the defaults', async () => {
    const s = await server()
    const id = await createFlow(s, { name: 'Digest' })
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const flow = (await s.request(`/api/flows/${id}`)).json<Flow>()
    expect(flow).toEqual({ id, name: 'Digest', description: '', enabled: true, nodes: [], edges: [], created_at: flow.created_at, updated_at: flow.created_at })
    expect(flow.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/)
  })

  it('keeps nodes and edges, drops unknown properties, treats null as absent', async () => {
    const s = await server()
    const id = await createFlow(s, {
      name: 'Full',
      description: null,
      nodes: [rssNode, execNode],
      edges: [{ id: 'e1', source: 'src-1', target: 'exec-1', sourceHandle: 'x' }],
      enabled: false,
      extra: 1,
    })
    const flow = (await s.request(`/api/flows/${id}`)).json<Flow>()
    expect(flow.description).toBe('')
    expect(flow.enabled).toBe(true)
    expect(flow.nodes[0]).toEqual({ id: 'src-1', node_type: 'source', kind: 'rss', config: { url: 'http://feeds.example/a', limit: 5 }, position: { x: 10, y: 20 }, label: 'Feed' })
    expect(flow.edges).toEqual([{ id: 'e1', source: 'src-1', target: 'exec-1' }])
    expect(flow).not.toHaveProperty('extra')
  })

  it('lists summaries oldest first with counts', async () => {
    const s = await server()
    const first = await createFlow(s, { name: 'One', nodes: [rssNode, execNode], edges: [{ id: 'e', source: 'src-1', target: 'exec-1' }] })
    const second = await createFlow(s, { name: 'Two', description: 'second' })
    const { flows } = (await s.request('/api/flows')).json<{ flows: FlowSummary[] }>()
    expect(flows.map((f) => f.id)).toEqual([first, second])
    expect(flows[0]).toMatchObject({ name: 'One', description: '', enabled: true, node_count: 2, edge_count: 1 })
    expect(Object.keys(flows[1]!).sort()).toEqual(['created_at', 'description', 'edge_count', 'enabled', 'id', 'name', 'node_count', 'updated_at'])
  })

  it('PUT replaces present fields wholesale and moves updated_at on every call', async () => {
    const s = await server()
    const id = await createFlow(s, { name: 'Old', nodes: [rssNode, execNode] })
    const created = (await s.request(`/api/flows/${id}`)).json<Flow>()
    await clockPast(created.updated_at)
    const renamed = await s.request(`/api/flows/${id}`, { method: 'PUT', body: { name: 'New' } })
    expect(renamed.status).toBe(200)
    const flow = renamed.json<Flow>()
    expect(flow.name).toBe('New')
    expect(flow.nodes).toHaveLength(2)
    expect(flow.created_at).toBe(created.created_at)
    expect(Date.parse(flow.updated_at)).toBeGreaterThan(Date.parse(created.updated_at))

    const replaced = (await s.request(`/api/flows/${id}`, { method: 'PUT', body: { nodes: [execNode], enabled: false } })).json<Flow>()
    expect(replaced.nodes.map((n) => n.id)).toEqual(['exec-1'])
    expect(replaced.enabled).toBe(false)

    await clockPast(replaced.updated_at)
    const touched = (await s.request(`/api/flows/${id}`, { method: 'PUT', body: {} })).json<Flow>()
    expect(Date.parse(touched.updated_at)).toBeGreaterThan(Date.parse(replaced.updated_at))
    expect(touched.name).toBe('New')
  })

  it('PUT checks the body before existence, then 404s', async () => {
    const s = await server()
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await s.request(`/api/flows/${missing}`, { method: 'PUT', body: { name: 5 } })).status).toBe(422)
    const res = await s.request(`/api/flows/${missing}`, { method: 'PUT', body: { name: 'x' } })
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ error: 'flow not found' })
  })

  it('concurrent partial PUTs compose instead of losing one another', async () => {
    const s = await server()
    const id = await createFlow(s, { name: 'Race' })
    await Promise.all([
      s.request(`/api/flows/${id}`, { method: 'PUT', body: { name: 'Renamed' } }),
      s.request(`/api/flows/${id}`, { method: 'PUT', body: { enabled: false } }),
      s.request(`/api/flows/${id}`, { method: 'PUT', body: { description: 'described' } }),
    ])
    const flow = (await s.request(`/api/flows/${id}`)).json<Flow>()
    expect(flow).toMatchObject({ name: 'Renamed', enabled: false, description: 'described' })
    const onDisk = JSON.parse(await readFile(join(s.dataDir, 'flows', `${id}.json`), 'utf8')) as Flow
    expect(onDisk).toEqual(flow)
  })

  it('DELETE removes the flow, its file and its runs folder; a second DELETE is 404', async () => {
    const s = await server()
    const id = await createFlow(s, { name: 'Doomed' })
    await mkdir(join(s.dataDir, 'runs', id), { recursive: true })
    await writeFile(join(s.dataDir, 'runs', id, 'r.json'), '{}')
    const res = await s.request(`/api/flows/${id}`, { method: 'DELETE' })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ deleted: true })
    expect(await readdir(join(s.dataDir, 'flows'))).toEqual([])
    expect(await readdir(join(s.dataDir, 'runs'))).toEqual([])
    expect((await s.request(`/api/flows/${id}`)).status).toBe(404)
    expect((await s.request(`/api/flows/${id}`, { method: 'DELETE' })).json()).toEqual({ error: 'flow not found' })
  })

  it('HEAD works wherever GET does', async () => {
    const s = await server()
    const res = await s.request('/api/flows', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
  })
})

describe('node types', () => {
  it('serves the 13-kind catalogue in order', async () => {
    const s = await server()
    const { node_types } = (await s.request('/api/node-types')).json<NodeTypesResponse>()
    expect(node_types.map((t) => t.kind)).toEqual([
      'cron', 'github-pr', 'webhook', 'manual', 'rss', 'web-scrape', 'github-merged-prs', 'web-scraper', 'market-data', 'keyword', 'claude-code', 'slack', 'notion',
    ])
    expect(node_types[0]).toEqual({
      kind: 'cron',
      node_type: 'trigger',
      label: 'Cron Schedule',
      config_schema: {
        schedule: { type: 'string', description: 'Cron expression (5-field)', required: true },
        working_dir: { type: 'string', description: 'Working directory', default: '.' },
      },
    })
    expect(node_types.find((t) => t.kind === 'github-pr')?.config_schema.skip_drafts).toEqual({ type: 'boolean', default: true })
  })
})

describe('flow storage', () => {
  it('writes pretty JSON in the original field order and survives a restart', async () => {
    const s = await server()
    const id = await createFlow(s, { name: 'Keeper', nodes: [rssNode], edges: [] })
    const text = await readFile(join(s.dataDir, 'flows', `${id}.json`), 'utf8')
    expect(text).toMatch(/^\{\n {2}"id": /)
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['id', 'name', 'description', 'enabled', 'nodes', 'edges', 'created_at', 'updated_at'])
    const before = (await s.request(`/api/flows/${id}`)).json<Flow>()
    await s.restart()
    expect((await s.request(`/api/flows/${id}`)).json<Flow>()).toEqual(before)
  })

  it('skips a corrupt flow file with a warning naming it; the rest load', async () => {
    const s = await server()
    const good = await createFlow(s, { name: 'Good' })
    const flowsDir = join(s.dataDir, 'flows')
    await writeFile(join(flowsDir, 'broken.json'), '{"id": "broken", "name": ')
    await writeFile(join(flowsDir, 'wrong-shape.json'), JSON.stringify({ id: 'w', name: 'no nodes' }))
    await writeFile(join(flowsDir, 'notes.txt'), 'ignored: not json')
    await s.restart()
    const { flows } = (await s.request('/api/flows')).json<{ flows: FlowSummary[] }>()
    expect(flows.map((f) => f.id)).toEqual([good])
    const warnings = s.log.lines.filter((line) => line.includes('WARN'))
    expect(warnings.some((line) => line.includes(join(flowsDir, 'broken.json')))).toBe(true)
    expect(warnings.some((line) => line.includes('wrong-shape.json') && line.includes('nodes'))).toBe(true)
    expect(warnings.some((line) => line.includes('notes.txt'))).toBe(false)
    // The bad files are left alone for the user to repair.
    expect(await readFile(join(flowsDir, 'broken.json'), 'utf8')).toBe('{"id": "broken", "name": ')
  })

  it('loads a data dir written by the original server as it is', async () => {
    const s = await server()
    const flowsDir = join(s.dataDir, 'flows')
    const original = {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'From Cthulu',
      nodes: [{ id: 'n1', node_type: 'trigger', kind: 'cron', config: { schedule: '0 9 * * *' }, position: { x: 0.0, y: 0.0 }, label: 'Daily' }],
      edges: [],
      created_at: '2026-02-24T10:15:30.123456789Z',
      updated_at: '2026-02-24T10:15:30Z',
    }
    // description and enabled are optional in stored files.
    await writeFile(join(flowsDir, `${original.id}.json`), JSON.stringify(original, null, 2))
    await writeFile(
      join(s.dataDir, 'prompts', 'p.json'),
      JSON.stringify({ id: 'p', title: 'T', summary: 'S', source_flow_name: 'F', tags: ['a'], created_at: '2026-02-24T10:15:30.5Z' }, null, 2),
    )
    await s.restart()
    const flow = (await s.request(`/api/flows/${original.id}`)).json<Flow>()
    expect(flow).toEqual({ ...original, description: '', enabled: true })
    expect((await s.request('/api/prompts/p')).json()).toMatchObject({ title: 'T', tags: ['a'] })
  })

  it('removes temp files left by a crash mid-write', async () => {
    const s = await server()
    const stale = join(s.dataDir, 'flows', '.abc.json.123.deadbeef.tmp')
    await writeFile(stale, '{"partial')
    await s.restart()
    expect(await readdir(join(s.dataDir, 'flows'))).toEqual([])
  })

  it('--start-disabled saves every flow disabled without touching updated_at', async () => {
    const s = await server()
    const id = await createFlow(s, { name: 'Cron flow' })
    const before = (await s.request(`/api/flows/${id}`)).json<Flow>()
    await s.restart({ startDisabled: true })
    const after = (await s.request(`/api/flows/${id}`)).json<Flow>()
    expect(after).toEqual({ ...before, enabled: false })
    const onDisk = JSON.parse(await readFile(join(s.dataDir, 'flows', `${id}.json`), 'utf8')) as Flow
    expect(onDisk.enabled).toBe(false)
  })
})
