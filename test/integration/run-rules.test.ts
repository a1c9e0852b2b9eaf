// The one rule of issue 8: a flow with at most one executor runs as the
// contract's §9.1 pipeline whatever its edges; two or more executors follow the
// edges and must be fully wired. Real claude against the Messages-API stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunEvent } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { contractEvents, edges, node, runHelpers, untilEnd } from '../support/run-flows'
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
  server = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv, integrationEnv: { SLACK_HOOK: slack.webhookUrl } })
})
afterAll(async () => {
  await server.stop()
  await Promise.all([world, feeds, slack].map((fake) => fake.close()))
})

const exec = (id: string, prompt: string) => node(id, 'executor', 'claude-code', { prompt, working_dir: world.workDir }, `Exec ${id}`)
const webhookPosts = () => slack.requests.filter((r) => r.path.startsWith('/services/')).map((r) => r.body)

/** The text the executor's request carried (the scripted prompt, with the items). */
function lastPrompt(): string {
  const messages = world.api.requests.at(-1)!.messages ?? []
  const texts = messages.flatMap((m) => (typeof m.content === 'string' ? [m.content] : m.content.map((b) => b.text ?? '')))
  return texts.find((text) => text.includes('[[reply:')) ?? ''
}

describe('a flow with one executor runs the §9.1 pipeline however it is drawn', () => {
  const nodes = (withMissingEnvSink: boolean) => [
    node('when', 'trigger', 'manual', {}),
    node('feed', 'source', 'rss', { url: feeds.rssUrl, limit: 5 }, 'Feed'),
    node('topics', 'filter', 'keyword', { keywords: ['rust', 'tomatoes'] }, 'Topics'),
    exec('x', 'Summarise. [[reply:Two stories today.]]'),
    node('team', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }, 'Team'),
    ...(withMissingEnvSink ? [node('wiki', 'sink', 'notion', { token_env: 'NOT_SET_ANYWHERE', database_id: 'db' }, 'Wiki')] : []),
  ]
  const drawings: Record<string, [string, string][]> = {
    'no edges': [],
    'trigger → source → filter → executor → sinks': [['when', 'feed'], ['feed', 'topics'], ['topics', 'x'], ['x', 'team'], ['x', 'wiki']],
    'an unwired filter': [['when', 'feed'], ['feed', 'x'], ['x', 'team'], ['x', 'wiki']],
    'an unwired sink': [['when', 'feed'], ['feed', 'topics'], ['topics', 'x']],
  }

  async function runDrawing(name: string, withMissingEnvSink: boolean) {
    const pairs = drawings[name]!.filter(([, target]) => withMissingEnvSink || target !== 'wiki')
    const flowId = await createFlow({ name, nodes: nodes(withMissingEnvSink), edges: edges(...pairs) })
    const stream = await live(flowId)
    const before = webhookPosts().length
    expect((await trigger(flowId)).status).toBe(202)
    const events = await untilEnd(stream)
    stream.abort()
    const [run] = await runsOf(flowId)
    return { events: contractEvents(events), prompt: lastPrompt(), posts: webhookPosts().slice(before), run: run! }
  }

  it('identical events, counts, prompt and delivery for all four drawings, equal to §9.1', async () => {
    const results = []
    for (const name of Object.keys(drawings)) results.push({ name, ...(await runDrawing(name, false)) })
    expect(results[0]!.events).toEqual([
      'run_started:-:Flow execution started',
      'node_started:feed:Fetching Feed...',
      'node_completed:feed:5 items fetched in N.Ns',
      'node_started:topics:Applying Topics...',
      'node_completed:topics:5 → 3 items (2 dropped)',
      expect.stringMatching(/^log:-:Prompt rendered \(\d+ chars\)$/),
      'node_started:x:Executing claude-code...',
      'node_completed:x:1 turns, $COST, 18 chars output',
      'node_started:team:Delivering to Team...',
      'node_completed:team:Delivered in N.Ns',
      'run_completed:-:Completed in N.Ns',
    ])
    expect(results[0]!.prompt).toContain('Rust 2.0 released')
    expect(results[0]!.prompt).not.toContain('Slow page story')
    for (const result of results) {
      expect({ drawing: result.name, events: result.events, prompt: result.prompt }).toEqual({ drawing: result.name, events: results[0]!.events, prompt: results[0]!.prompt })
      expect(result.posts.map((body) => JSON.parse(body) as unknown)).toEqual([{ text: 'Two stories today.' }])
      expect(result.run).toMatchObject({ status: 'success', error: null, trigger: 'manual' })
      expect(result.run.node_runs.map((n) => [n.node_id, n.status, n.output_preview])).toEqual([
        ['feed', 'success', '5 items fetched'],
        ['topics', 'success', '5 → 3 items (2 dropped)'],
        ['x', 'success', 'Two stories today.'],
        ['team', 'success', 'Two stories today.'],
      ])
    }
  }, 120_000)

  it('a sink whose env var is missing fails the run after the executor, in every drawing, and nothing is delivered', async () => {
    for (const name of Object.keys(drawings)) {
      const result = await runDrawing(name, true)
      expect({ name, events: result.events.slice(-3) }).toEqual({
        name,
        events: ['node_started:x:Executing claude-code...', 'node_completed:x:1 turns, $COST, 18 chars output', 'run_failed:-:sink requires env var NOT_SET_ANYWHERE but it is not set'],
      })
      expect(result.events).toContain('node_completed:topics:5 → 3 items (2 dropped)')
      expect(result.posts).toEqual([])
      expect(result.run).toMatchObject({ status: 'failed', error: 'sink requires env var NOT_SET_ANYWHERE but it is not set' })
    }
  }, 120_000)
})

describe('flows with two or more executors follow their edges', () => {
  it('runs the branches concurrently, and a filter on one branch narrows only that branch', async () => {
    const flowId = await createFlow({
      name: 'Two branches',
      nodes: [
        node('t', 'trigger', 'manual', {}),
        node('a-src', 'source', 'rss', { url: feeds.rssUrl, limit: 5 }),
        node('a-filter', 'filter', 'keyword', { keywords: ['rust', 'tomatoes'] }, 'Only A'),
        exec('a', 'Branch A got {{item_count}} [[delay:800]][[reply:From A.]]'),
        node('a-out', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }),
        node('b-src', 'source', 'rss', { url: feeds.rssUrl, limit: 5 }),
        exec('b', 'Branch B got {{item_count}} [[delay:800]][[reply:From B.]]'),
      ],
      edges: edges(['t', 'a-src'], ['t', 'b-src'], ['a-src', 'a-filter'], ['a-filter', 'a'], ['a', 'a-out'], ['b-src', 'b']),
    })
    const stream = await live(flowId)
    const requestsBefore = world.api.requests.length
    const postsBefore = webhookPosts().length
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    const at = (type: string, id: string) => Date.parse(events.find((e) => e.event_type === type && e.node_id === id)!.timestamp)
    expect(at('node_started', 'a')).toBeLessThan(at('node_completed', 'b'))
    expect(at('node_started', 'b')).toBeLessThan(at('node_completed', 'a'))
    const message = (type: string, id: string) => events.find((e) => e.event_type === type && e.node_id === id)!.message
    expect(message('node_completed', 'a-filter')).toBe('5 → 3 items (2 dropped)')
    const prompts = JSON.stringify(world.api.requests.slice(requestsBefore).map((r) => r.messages))
    expect(prompts).toContain('Branch A got 3')
    expect(prompts).toContain('Branch B got 5')
    expect(webhookPosts().slice(postsBefore).map((body) => JSON.parse(body) as unknown)).toEqual([{ text: 'From A.' }])
    expect((await runsOf(flowId))[0]).toMatchObject({ status: 'success' })
  })

  const orphanCases: [string, () => object[], [string, string][], string][] = [
    ['a source wired to nothing', () => [node('lost', 'source', 'rss', { url: 'http://127.0.0.1:9/feed' }, 'Lost feed')], [], 'source Lost feed is not reachable from a trigger'],
    ['a filter leading nowhere', () => [node('f', 'filter', 'keyword', { keywords: ['x'] }, 'Dead end')], [['t', 'f']], 'filter Dead end does not lead to an executor'],
    ['a sink no executor feeds', () => [node('s', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }, 'Quiet')], [['t', 's']], 'sink Quiet is not fed by an executor'],
    ['an executor no trigger reaches', () => [exec('c', 'C')], [], 'executor Exec c is not reachable from a trigger'],
  ]
  for (const [what, extra, extraEdges, expected] of orphanCases) {
    it(`${what} is a validation error before the first node event`, async () => {
      const flowId = await createFlow({
        name: what,
        nodes: [node('t', 'trigger', 'manual', {}), exec('a', 'A [[reply:a]]'), exec('b', 'B [[reply:b]]'), ...extra()],
        edges: edges(['t', 'a'], ['a', 'b'], ...extraEdges),
      })
      const requestsBefore = world.api.requests.length
      const stream = await live(flowId)
      await trigger(flowId)
      const events: RunEvent[] = await untilEnd(stream)
      stream.abort()
      expect(events.map((e) => e.event_type)).toEqual(['run_started', 'run_failed'])
      expect(events[1]!.message).toContain(expected)
      expect(world.api.requests.length).toBe(requestsBefore)
      const validation = (await server.request(`/api/flows/${flowId}/validate`, { method: 'POST' })).json<{ valid: boolean; problems: { message: string }[] }>()
      expect(validation.valid).toBe(false)
      expect(validation.problems.map((p) => p.message)).toContain(events[1]!.message)
    })
  }
})
