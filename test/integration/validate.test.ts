// POST /api/flows/{id}/validate reports every configuration failure a run can
// have, with the run's own message; a flow it calls clean runs without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FlowValidation, ValidationProblem } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { edges, node, runHelpers, untilEnd } from '../support/run-flows'
import { startTestServer, type TestServer } from '../support/server'
import { startFakeFeeds, type FakeFeeds } from '../fixtures/fake-feeds'
import { startFakeSlack, type FakeSlack } from '../fixtures/fake-slack'

let world: ClaudeWorld
let feeds: FakeFeeds
let slack: FakeSlack
let server: TestServer
const { createFlow, live, trigger, runsOf } = runHelpers(() => server)

beforeAll(async () => {
  world = await startClaudeWorld()
  ;[feeds, slack] = await Promise.all([startFakeFeeds(), startFakeSlack()])
  server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, integrationEnv: { SLACK_HOOK: slack.webhookUrl, SLACK_BOT: 'xoxb-x' } })
})
afterAll(async () => {
  await server.stop()
  await Promise.all([world, feeds, slack].map((fake) => fake.close()))
})

const manual = () => node('t', 'trigger', 'manual', {})
const exec = (id = 'x', extra: object = {}) => node(id, 'executor', 'claude-code', { prompt: 'Go [[reply:ok]]', working_dir: world.workDir, ...extra }, `Exec ${id}`)
const validate = async (flowId: string) => (await server.request(`/api/flows/${flowId}/validate`, { method: 'POST' })).json<FlowValidation>()

interface Case {
  name: string
  nodes: () => object[]
  edges?: [string, string][]
  problem: Partial<Omit<ValidationProblem, 'message'>> & { message: string | RegExp }
}

const cases: Case[] = [
  { name: 'no executor', nodes: () => [manual()], problem: { node_id: null, field: null, message: 'flow has no executor node' } },
  { name: 'rss without url', nodes: () => [manual(), node('src', 'source', 'rss', {}), exec()], problem: { node_id: 'src', field: 'url', message: "rss node missing 'url'" } },
  { name: 'unknown source kind', nodes: () => [manual(), node('src', 'source', 'telepathy', {}), exec()], problem: { node_id: 'src', field: 'kind', message: 'unknown source kind: telepathy' } },
  { name: 'filter without keywords', nodes: () => [manual(), node('f', 'filter', 'keyword', {}), exec()], problem: { node_id: 'f', field: 'keywords', message: "keyword filter missing 'keywords'" } },
  { name: 'unknown filter kind', nodes: () => [manual(), node('f', 'filter', 'sieve', {}), exec()], problem: { node_id: 'f', field: 'kind', message: 'unknown filter kind: sieve' } },
  { name: 'executor without prompt', nodes: () => [manual(), node('x', 'executor', 'claude-code', { working_dir: world.workDir }, 'Exec x')], problem: { node_id: 'x', field: 'prompt', message: 'executor Exec x has no prompt' } },
  { name: 'unreadable prompt file', nodes: () => [manual(), exec('x', { prompt: 'nowhere/missing.md' })], problem: { node_id: 'x', field: 'prompt', message: /^failed to read prompt file: nowhere\/missing\.md: ENOENT/ } },
  { name: 'sink env var not set', nodes: () => [manual(), exec(), node('o', 'sink', 'notion', { token_env: 'NOPE_NOT_SET', database_id: 'd' })], problem: { node_id: 'o', field: 'token_env', message: 'sink requires env var NOPE_NOT_SET but it is not set' } },
  { name: 'slack without a target', nodes: () => [manual(), exec(), node('o', 'sink', 'slack', {})], problem: { node_id: 'o', field: 'webhook_url_env', message: 'slack sink requires either webhook_url_env or bot_token_env' } },
  { name: 'slack bot without channel', nodes: () => [manual(), exec(), node('o', 'sink', 'slack', { bot_token_env: 'SLACK_BOT' })], problem: { node_id: 'o', field: 'channel', message: 'slack bot_token_env requires a channel to be set' } },
  { name: 'unknown sink kind', nodes: () => [manual(), exec(), node('o', 'sink', 'pigeon', {})], problem: { node_id: 'o', field: 'kind', message: 'unknown sink kind: pigeon' } },
  { name: 'missing working dir', nodes: () => [manual(), exec('x', { working_dir: `${world.workDir}/gone` })], problem: { node_id: 'x', field: 'working_dir', message: /^working directory \/.*\/gone does not exist$/ } },
  { name: 'cycle (two executors)', nodes: () => [manual(), exec('a'), exec('b')], edges: [['t', 'a'], ['a', 'b'], ['b', 'a']], problem: { node_id: null, message: "the flow's edges form a cycle: Exec a → Exec b → Exec a" } },
  { name: 'dangling edge (two executors)', nodes: () => [manual(), exec('a'), exec('b')], edges: [['t', 'a'], ['a', 'b'], ['b', 'ghost']], problem: { node_id: null, message: 'edge e2 connects a node that does not exist: ghost' } },
  { name: 'orphan (two executors)', nodes: () => [manual(), exec('a'), exec('b'), node('s', 'source', 'rss', { url: 'http://127.0.0.1:9/x' }, 'Stray')], edges: [['t', 'a'], ['a', 'b']], problem: { node_id: 's', message: /^source Stray is not reachable from a trigger/ } },
]

describe('POST /api/flows/{id}/validate', () => {
  for (const c of cases) {
    it(`reports what the run fails on: ${c.name}`, async () => {
      const flowId = await createFlow({ name: c.name, nodes: c.nodes(), edges: edges(...(c.edges ?? [])) })
      const validation = await validate(flowId)
      expect(validation.valid).toBe(false)
      const { message, ...where } = c.problem
      const found = validation.problems.find((p) => (typeof message === 'string' ? p.message === message : message.test(p.message)))
      expect(found, JSON.stringify(validation.problems)).toMatchObject(where)

      const stream = await live(flowId)
      await trigger(flowId)
      const events = await untilEnd(stream)
      stream.abort()
      const failed = events.find((e) => e.event_type === 'run_failed')!
      // The run fails with that very message (an executor failure wraps it).
      expect(failed.message).toContain(found!.message)
      expect((await runsOf(flowId))[0]!.error).toBe(failed.message)
    })
  }

  it('also reports what keeps a flow from starting on its own', async () => {
    const noTrigger = await createFlow({ name: 'By hand', nodes: [exec()] })
    // Warnings: a run by hand still works, so the flow is valid.
    expect(await validate(noTrigger)).toEqual({ valid: true, problems: [{ node_id: null, field: null, message: 'the flow has no trigger: it can only be run by hand', severity: 'warning' }] })
    const noSchedule = await createFlow({ name: 'No schedule', nodes: [node('c', 'trigger', 'cron', {}), exec()] })
    expect((await validate(noSchedule)).problems).toEqual([{ node_id: 'c', field: 'schedule', message: "cron trigger missing 'schedule'", severity: 'warning' }])
    const badSchedule = await createFlow({ name: 'Bad schedule', nodes: [node('c', 'trigger', 'cron', { schedule: '61 * * * *' }), exec()] })
    expect((await validate(badSchedule)).problems).toEqual([{ node_id: 'c', field: 'schedule', message: expect.stringMatching(/^invalid cron: /), severity: 'warning' }])
  })

  it('a flow it calls clean runs without a configuration failure', async () => {
    const flowId = await createFlow({
      name: 'Clean',
      nodes: [
        node('c', 'trigger', 'cron', { schedule: '0 0 1 1 *' }),
        node('src', 'source', 'rss', { url: feeds.rssUrl, limit: 2 }),
        node('f', 'filter', 'keyword', { keywords: [], require_all: true }),
        exec(),
        node('o', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }),
      ],
      edges: edges(['c', 'src'], ['src', 'f'], ['f', 'x'], ['x', 'o']),
    })
    expect(await validate(flowId)).toEqual({ valid: true, problems: [] })
    const stream = await live(flowId)
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.at(-1)!.event_type).toBe('run_completed')
    expect(events.filter((e) => e.event_type === 'node_failed')).toEqual([])
  })

  it('404 for an unknown flow', async () => {
    const res = await server.request('/api/flows/no-such-flow/validate', { method: 'POST' })
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ error: 'flow not found' })
  })
})
