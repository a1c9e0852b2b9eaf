// Every ready-made flow, created through real HTTP as the gallery creates it,
// passes POST /api/flows/{id}/validate once the env vars it names are set —
// and without them, validation names exactly those variables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FlowValidation } from '../../src-main/contract/api'
import { FLOW_TEMPLATES, templateFlow } from '../../src-renderer/src/templates/templates'
import { startTestServer, type TestServer } from '../support/server'

// Nothing may reach the real GitHub while PR triggers poll.
const OFFLINE = { SHOGGOTH_GITHUB_API_URL: 'http://127.0.0.1:9' }
let configured: TestServer
let bare: TestServer

beforeAll(async () => {
  configured = await startTestServer({ integrationEnv: { ...OFFLINE, SLACK_WEBHOOK_URL: 'http://127.0.0.1:9/hook', NOTION_TOKEN: 'secret_test', GITHUB_TOKEN: 'ghp_test' } })
  bare = await startTestServer({ integrationEnv: OFFLINE })
})
afterAll(async () => {
  await Promise.all([configured.stop(), bare.stop()])
})

async function createAndValidate(server: TestServer, template: (typeof FLOW_TEMPLATES)[number]): Promise<FlowValidation> {
  const created = await server.request('/api/flows', { method: 'POST', body: templateFlow(template) })
  expect(created.status).toBe(201)
  const res = await server.request(`/api/flows/${created.json<{ id: string }>().id}/validate`, { method: 'POST' })
  expect(res.status).toBe(200)
  return res.json<FlowValidation>()
}

describe.each(FLOW_TEMPLATES.map((t) => [t.name, t] as const))('template %s', (_name, template) => {
  it('validates cleanly with its env vars set', async () => {
    const result = await createAndValidate(configured, template)
    expect(result.problems).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('without them, validation only asks for variables the template names', async () => {
    const result = await createAndValidate(bare, template)
    const mentioned = [template.description, ...template.needs].join(' ')
    // One problem per sink: the variable it names is not set.
    expect(result.problems).toHaveLength(template.chain.filter((n) => n.node_type === 'sink').length)
    for (const problem of result.problems) {
      const variable = /env var (\S+)/.exec(problem.message)?.[1]
      expect(variable, problem.message).toBeDefined()
      expect(mentioned).toContain(variable!)
    }
  })
})
