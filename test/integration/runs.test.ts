// Runs through real HTTP: the live stream, the run history, the DAG shapes,
// failures, deliveries to Slack and Notion stand-ins, replay, cron views, PR
// reviews and webhooks. Executors are the REAL claude CLI (local Messages API).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FlowRun, RunEvent } from '../../src-main/contract/api'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { openSse, type ReceivedEvent, type SseCall } from '../support/sse-client'
import { startTestServer, type TestServer } from '../support/server'
import { startFakeFeeds, type FakeFeeds } from '../fixtures/fake-feeds'
import { BOT_TOKEN, startFakeSlack, type FakeSlack } from '../fixtures/fake-slack'
import { NOTION_TOKEN, startFakeNotion } from '../fixtures/fake-notion'
import type { FakeServer } from '../fixtures/fake-http'
import { PULLS_TOKEN, startFakeGithubPulls, type FakeGithubPulls } from '../fixtures/fake-github-pulls'

let world: ClaudeWorld
let feeds: FakeFeeds
let slack: FakeSlack
let notion: FakeServer
let github: FakeGithubPulls
let server: TestServer

beforeAll(async () => {
  world = await startClaudeWorld()
  ;[feeds, slack, notion, github] = await Promise.all([startFakeFeeds(), startFakeSlack(), startFakeNotion(), startFakeGithubPulls()])
  server = await startTestServer({
    claudeBin: CLAUDE_BIN,
    childEnv: world.childEnv,
    integrationEnv: {
      SLACK_HOOK: slack.webhookUrl,
      SLACK_BOT: BOT_TOKEN,
      NOTION_KEY: NOTION_TOKEN,
      GITHUB_TOKEN: PULLS_TOKEN,
      SHOGGOTH_SLACK_API_URL: `${slack.url}/api`,
      SHOGGOTH_NOTION_API_URL: `${notion.url}/v1`,
      SHOGGOTH_GITHUB_API_URL: github.url,
    },
  })
})
afterAll(async () => {
  await server.stop()
  await Promise.all([world, feeds, slack, notion, github].map((fake) => fake.close()))
})

let counter = 0
const node = (id: string, node_type: string, kind: string, config: object, label = id) => ({ id, node_type, kind, config, position: { x: counter++, y: 0 }, label })
const exec = (id: string, prompt: string, extra: object = {}) => node(id, 'executor', 'claude-code', { prompt, working_dir: world.workDir, ...extra }, `Exec ${id}`)
const edges = (...pairs: [string, string][]) => pairs.map(([source, target], i) => ({ id: `e${i}`, source, target }))

async function createFlow(body: object): Promise<string> {
  const res = await server.request('/api/flows', { method: 'POST', body })
  expect(res.status).toBe(201)
  return res.json<{ id: string }>().id
}

function live(flowId: string, headers: Record<string, string> = {}): SseCall {
  return openSse(server.url, `/api/flows/${flowId}/runs/live`, { token: server.token, headers })
}

async function untilEnd(stream: SseCall, runs = 1): Promise<RunEvent[]> {
  const end = Date.now() + 60_000
  while (stream.events.filter((e) => e.event === 'run_completed' || e.event === 'run_failed').length < runs) {
    if (Date.now() > end) throw new Error(`no end of run; got ${stream.events.map((e) => e.event).join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return stream.events.filter((e) => e.event !== 'reset').map((e) => JSON.parse(e.data) as RunEvent)
}

async function trigger(flowId: string, body?: string): Promise<number> {
  return (await server.request(`/api/flows/${flowId}/trigger`, { method: 'POST', ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}) })).status
}

const runsOf = async (flowId: string) => (await server.request(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs

/** Waits on the condition itself, polled, with a generous deadline. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** How often the poller has listed the open PRs of `repo` so far (the stand-in records each request). */
const listings = (repo: string) => github.requests.filter((r) => r.method === 'GET' && r.url.pathname === `/repos/${repo}/pulls`).length

describe('a run, end to end', () => {
  it('streams run_started, every node in order and run_completed; the run is in the history with previews', async () => {
    const flowId = await createFlow({
      name: 'Digest',
      nodes: [
        node('when', 'trigger', 'manual', {}),
        node('feed', 'source', 'rss', { url: feeds.rssUrl, limit: 5 }, 'Feed'),
        node('topics', 'filter', 'keyword', { keywords: ['rust', 'tomatoes'] }, 'Topics'),
        exec('x', 'Summarise the news. [[reply:Two stories today.]]'),
        node('team', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }, 'Team'),
      ],
    })
    const stream = live(flowId)
    await stream.status
    expect(await trigger(flowId)).toBe(202)
    const events = await untilEnd(stream)
    stream.abort()
    // The contract's events; the live executor output (executor_*) is an extension, checked in run-live-output.test.ts.
    expect(events.filter((e) => !e.event_type.startsWith('executor_')).map((e) => `${e.event_type}:${e.node_id ?? '-'}`)).toEqual([
      'run_started:-', 'node_started:feed', 'node_completed:feed', 'node_started:topics', 'node_completed:topics', 'log:-',
      'node_started:x', 'node_completed:x', 'node_started:team', 'node_completed:team', 'run_completed:-',
    ])
    const message = (type: string, nodeId: string | null) => events.find((e) => e.event_type === type && e.node_id === nodeId)!.message
    expect(message('run_started', null)).toBe('Flow execution started')
    expect(message('node_started', 'feed')).toBe('Fetching Feed...')
    expect(message('node_completed', 'feed')).toMatch(/^5 items fetched in \d+\.\ds$/)
    expect(message('node_completed', 'topics')).toBe('5 → 3 items (2 dropped)')
    expect(message('log', null)).toMatch(/^Prompt rendered \(\d+ chars\)$/)
    expect(message('node_started', 'x')).toBe('Executing claude-code...')
    expect(message('node_completed', 'x')).toMatch(/^1 turns, \$0\.\d{4}, 18 chars output$/)
    expect(message('node_started', 'team')).toBe('Delivering to Team...')
    expect(message('run_completed', null)).toMatch(/^Completed in \d+\.\ds$/)
    expect(new Set(events.map((e) => e.run_id)).size).toBe(1)

    const [run] = await runsOf(flowId)
    expect(run).toMatchObject({ status: 'success', error: null, flow_id: flowId })
    expect(run!.finished_at).not.toBeNull()
    expect(run!.node_runs.map((n) => [n.node_id, n.status, n.output_preview])).toEqual([
      ['feed', 'success', '5 items fetched'],
      ['topics', 'success', '5 → 3 items (2 dropped)'],
      ['x', 'success', 'Two stories today.'],
      ['team', 'success', 'Two stories today.'],
    ])
    const webhook = slack.requests.filter((r) => r.path.startsWith('/services/')).at(-1)!
    expect(JSON.parse(webhook.body)).toEqual({ text: 'Two stories today.' })
    // The executor saw the filtered items in its prompt.
    const prompt = JSON.stringify(world.api.requests.at(-1)!.messages)
    expect(prompt).toContain('Rust 2.0 released')
    expect(prompt).not.toContain('Slow page story')
  })

  it('runs independent branches concurrently; each executor delivers to its own sink', async () => {
    const flowId = await createFlow({
      name: 'Two branches',
      nodes: [
        node('a-src', 'source', 'rss', { url: feeds.atomUrl }),
        exec('a', 'Branch A [[delay:800]][[reply:# Report A\n\nFrom branch A.]]'),
        node('a-out', 'sink', 'notion', { token_env: 'NOTION_KEY', database_id: 'db-a' }, 'Notion A'),
        node('b-src', 'source', 'rss', { url: feeds.rssUrl, limit: 2 }),
        exec('b', 'Branch B [[delay:800]][[reply:From branch B.]]'),
        node('b-out', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }, 'Slack B'),
      ],
      edges: edges(['a-src', 'a'], ['a', 'a-out'], ['b-src', 'b'], ['b', 'b-out']),
    })
    const stream = live(flowId)
    await stream.status
    const notionBefore = notion.requests.length
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    const at = (type: string, id: string) => Date.parse(events.find((e) => e.event_type === type && e.node_id === id)!.timestamp)
    // Each executor started before the other one finished.
    expect(at('node_started', 'a')).toBeLessThan(at('node_completed', 'b'))
    expect(at('node_started', 'b')).toBeLessThan(at('node_completed', 'a'))
    const created = notion.requests.slice(notionBefore).find((r) => r.method === 'POST')!
    expect(JSON.parse(created.body)).toMatchObject({ parent: { database_id: 'db-a' }, properties: { Name: { title: [{ text: { content: 'Report A' } }] } } })
    expect(JSON.parse(slack.requests.filter((r) => r.path.startsWith('/services/')).at(-1)!.body)).toEqual({ text: 'From branch B.' })
    expect((await runsOf(flowId))[0]!.status).toBe('success')
  })

  it('a failing sink marks its node failed while the run succeeds', async () => {
    const flowId = await createFlow({ name: 'Sink fails', nodes: [exec('x', 'Go [[reply:Hello team]]'), node('team', 'sink', 'slack', { webhook_url_env: 'SLACK_HOOK' }, 'Team')] })
    slack.webhookStatus = 500
    try {
      const stream = live(flowId)
      await stream.status
      await trigger(flowId)
      const events = await untilEnd(stream)
      stream.abort()
      expect(events.find((e) => e.event_type === 'node_failed')).toMatchObject({ node_id: 'team' })
      expect(events.find((e) => e.event_type === 'node_failed')!.message).toMatch(/^Failed: /)
      expect(events.at(-1)!.event_type).toBe('run_completed')
      const [run] = await runsOf(flowId)
      expect(run!.status).toBe('success')
      expect(run!.node_runs.find((n) => n.node_id === 'team')).toMatchObject({ status: 'failed' })
      expect(run!.node_runs.find((n) => n.node_id === 'team')!.output_preview).toMatch(/^Failed: /)
    } finally {
      slack.webhookStatus = 200
    }
  })

  it('an executor failure marks the node failed before the run fails', async () => {
    const flowId = await createFlow({ name: 'Exec fails', nodes: [exec('x', 'Go', { working_dir: join(world.workDir, 'missing') })] })
    const stream = live(flowId)
    await stream.status
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.map((e) => e.event_type)).toEqual(['run_started', 'log', 'node_started', 'node_failed', 'run_failed'])
    expect(events.at(-1)!.message).toMatch(/^executor failed: failed to spawn claude process: working directory .* does not exist$/)
    const [run] = await runsOf(flowId)
    expect(run).toMatchObject({ status: 'failed' })
    expect(run!.error).toBe(events.at(-1)!.message)
    expect(run!.node_runs).toEqual([expect.objectContaining({ node_id: 'x', status: 'failed' })])
  })

  it('refuses a cycle before any node runs', async () => {
    const flowId = await createFlow({
      name: 'Loop',
      nodes: [exec('a', 'A'), exec('b', 'B')],
      edges: edges(['a', 'b'], ['b', 'a']),
    })
    const stream = live(flowId)
    await stream.status
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.map((e) => e.event_type)).toEqual(['run_started', 'run_failed'])
    expect(events[1]!.message).toBe("the flow's edges form a cycle: Exec a → Exec b → Exec a")
  })

  it('Slack bot: main message and one threaded reply; Notion: 100 blocks per request', async () => {
    const paragraphs = Array.from({ length: 250 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n')
    const flowId = await createFlow({
      name: 'Deliveries',
      nodes: [
        exec('x', `Write it. [[reply:# Weekly\n\n${paragraphs}\n---THREAD---\nDetails in the thread.]]`),
        node('bot', 'sink', 'slack', { bot_token_env: 'SLACK_BOT', channel: '#news' }, 'Bot'),
        node('wiki', 'sink', 'notion', { token_env: 'NOTION_KEY', database_id: 'db-w' }, 'Wiki'),
      ],
    })
    const slackBefore = slack.requests.length
    const notionBefore = notion.requests.length
    const stream = live(flowId)
    await stream.status
    await trigger(flowId)
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.at(-1)!.event_type).toBe('run_completed')
    const posts = slack.requests.slice(slackBefore).filter((r) => r.path === '/api/chat.postMessage').map((r) => JSON.parse(r.body) as { channel: string; thread_ts?: string; text: string })
    const replies = posts.filter((p) => p.thread_ts !== undefined)
    expect(replies).toHaveLength(1)
    expect(replies[0]!.text).toContain('Details in the thread.')
    expect(posts.every((p) => p.channel === '#news')).toBe(true)
    expect(posts.filter((p) => p.thread_ts === undefined).every((p) => !p.text.includes('Details in the thread.'))).toBe(true)
    const calls = notion.requests.slice(notionBefore)
    const create = JSON.parse(calls[0]!.body) as { children: unknown[] }
    const appends = calls.slice(1).map((r) => (JSON.parse(r.body) as { children: unknown[] }).children.length)
    expect(calls[0]!.method).toBe('POST')
    expect(create.children).toHaveLength(100)
    // A heading and 250 paragraphs (the thread marker line joins the last one): 251 blocks.
    expect(appends).toEqual([100, 51])
    expect(calls.every((r) => r.headers['notion-version'] === '2022-06-28')).toBe(true)
  })

  it('a manual run works on a disabled flow', async () => {
    const flowId = await createFlow({ name: 'Off', nodes: [exec('x', 'Hi [[reply:ok]]')] })
    await server.request(`/api/flows/${flowId}`, { method: 'PUT', body: { enabled: false } })
    const stream = live(flowId)
    await stream.status
    expect(await trigger(flowId, '')).toBe(202)
    expect((await untilEnd(stream)).at(-1)!.event_type).toBe('run_completed')
    stream.abort()
  })
})

describe('the live stream', () => {
  it('replays what a client missed after Last-Event-ID, and resets for an unknown id', async () => {
    const flowId = await createFlow({ name: 'Replay', nodes: [exec('x', 'Hi [[reply:one]]')] })
    const first = live(flowId)
    await first.status
    await trigger(flowId)
    await untilEnd(first)
    const lastSeen = first.events.at(-1)!.id!
    first.abort()
    // While nobody listens, a second run happens.
    await trigger(flowId)
    await until('the second run to finish', async () => {
      const runs = await runsOf(flowId)
      return runs.length === 2 && runs.every((r) => r.status !== 'running')
    })
    const again = live(flowId, { 'last-event-id': lastSeen })
    const replayed = await untilEnd(again)
    again.abort()
    expect(replayed[0]!.event_type).toBe('run_started')
    expect(replayed.at(-1)!.event_type).toBe('run_completed')
    expect(new Set(replayed.map((e) => e.run_id)).size).toBe(1)
    expect(replayed[0]!.run_id).not.toBe((JSON.parse(first.events[0]!.data) as RunEvent).run_id)

    const stale = live(flowId, { 'last-event-id': 'feedface-1' })
    const reset: ReceivedEvent = await stale.waitFor('reset', 5_000)
    stale.abort()
    expect((JSON.parse(reset.data) as { runs: FlowRun[] }).runs).toHaveLength(2)
    // The reset carries an id, so the client's next reconnect resumes from it instead of resetting again.
    expect(reset.id).toMatch(/^[0-9a-f]{8}-\d+$/)
    const resumed = live(flowId, { 'last-event-id': reset.id! })
    await resumed.status
    // A third run: had anything been replayed, it would have arrived before this run's first event.
    await trigger(flowId)
    const after = await untilEnd(resumed)
    resumed.abort()
    expect(after[0]!.event_type).toBe('run_started')
    expect(new Set(after.map((e) => e.run_id)).size).toBe(1)
    expect(after[0]!.run_id).not.toBe(replayed[0]!.run_id)
  })

  it('takes the token from the query for EventSource clients, and never 404s', async () => {
    const stream = openSse(server.url, `/api/flows/unknown-flow/runs/live?token=${server.token}`)
    expect(await stream.status).toBe(200)
    stream.abort()
    expect((await server.request('/api/flows/unknown-flow/runs')).json()).toEqual({ runs: [] })
  })
})

describe('schedules', () => {
  it('validates cron expressions like the canvas expects', async () => {
    const check = async (expression: string) => (await server.request('/api/validate/cron', { method: 'POST', body: { expression } })).json<Record<string, unknown>>()
    const five = await check(' 0 9 * * 1-5 ')
    expect(five).toMatchObject({ valid: true, expression: '0 9 * * 1-5' })
    expect((five.next_runs as string[]).length).toBe(5)
    expect((five.next_runs as string[])[0]).toMatch(/^\d{4}-\d\d-\d\dT09:00:00\+00:00$/)
    expect(await check('* * * * * *')).toEqual({ valid: false, expression: '* * * * * *', error: 'Invalid pattern: Pattern must consist of five fields, seconds are not allowed by configuration.', next_runs: [] })
    expect((await check('0 0 0 1 1 * 2030')).valid).toBe(false)
    expect((await check('@weekly')).valid).toBe(true)
    expect(await check('0 0 31 2 *')).toEqual({ valid: true, expression: '0 0 31 2 *', next_runs: [] })
    expect(await check('   ')).toEqual({ valid: false, error: 'empty expression', next_runs: [] })
    expect((await server.request('/api/validate/cron', { method: 'POST', body: {} })).status).toBe(422)
  })

  it('lists a flow\'s next five UTC times and the scheduler\'s state', async () => {
    const flowId = await createFlow({ name: 'Daily', nodes: [node('t', 'trigger', 'cron', { schedule: '30 6 * * *' }), exec('x', 'hi')] })
    const schedule = (await server.request(`/api/flows/${flowId}/schedule`)).json<{ next_runs: string[]; next_run: string; trigger_kind: string; enabled: boolean }>()
    expect(schedule).toMatchObject({ trigger_kind: 'cron', enabled: true, schedule: '30 6 * * *' })
    expect(schedule.next_runs).toHaveLength(5)
    expect(schedule.next_run).toBe(schedule.next_runs[0])
    expect(schedule.next_runs.every((t) => /T06:30:00\+00:00$/.test(t))).toBe(true)
    const status = (await server.request('/api/scheduler/status')).json<{ flows: { flow_id: string; scheduler_active: boolean }[] }>()
    expect(status.flows.find((f) => f.flow_id === flowId)?.scheduler_active).toBe(true)
    await server.request(`/api/flows/${flowId}`, { method: 'PUT', body: { enabled: false } })
    const after = (await server.request('/api/scheduler/status')).json<{ flows: { flow_id: string; scheduler_active: boolean }[] }>()
    expect(after.flows.find((f) => f.flow_id === flowId)?.scheduler_active).toBe(false)
    const noTrigger = await createFlow({ name: 'No trigger', nodes: [] })
    expect((await server.request(`/api/flows/${noTrigger}/schedule`)).json()).toEqual({ flow_id: noTrigger, trigger_kind: null, next_run: null, schedule: null })
  })
})

describe('PR reviews', () => {
  const diff = 'diff --git a/src/app.ts b/src/app.ts\n--- a/src/app.ts\n+++ b/src/app.ts\n@@ -1 +1 @@\n-old\n+new\n'

  it('starts from a trigger body {repo, pr}', async () => {
    github.pulls.set('acme/shop', [{ number: 7, title: 'Add cart', body: 'Adds a cart', draft: false, sha: 'abc', diff }])
    const flowId = await createFlow({
      name: 'Reviewer',
      nodes: [node('t', 'trigger', 'github-pr', { repos: [{ slug: 'acme/shop', path: world.workDir }], poll_interval: 3600 }), exec('x', 'Review PR {{pr_number}} ({{review_type}}) of {{repo}}:\n{{diff}}\n[[reply:Looks good.]]')],
    })
    const stream = live(flowId)
    await stream.status
    const res = await server.request(`/api/flows/${flowId}/trigger`, { method: 'POST', body: { repo: 'acme/shop', pr: 7 } })
    expect(res.status).toBe(202)
    expect(res.json()).toEqual({ status: 'pr_review_started', flow_id: flowId, repo: 'acme/shop', pr: 7 })
    const events = await untilEnd(stream)
    stream.abort()
    expect(events[0]!.message).toBe('Flow execution started (with context)')
    expect(events.at(-1)!.event_type).toBe('run_completed')
    const prompt = JSON.stringify(world.api.requests.at(-1)!.messages)
    expect(prompt).toContain('Review PR 7 (initial) of acme/shop')
    expect(prompt).toContain('+new')
  })

  it('the poller reviews a PR opened after it started, with a starting comment', async () => {
    github.pulls.set('acme/api', [{ number: 1, title: 'Old', body: '', draft: false, sha: 's1', diff }])
    const flowId = await createFlow({
      name: 'Watcher',
      nodes: [node('t', 'trigger', 'github-pr', { repos: [{ slug: 'acme/api', path: world.workDir }], poll_interval: 1 }), exec('x', 'Review {{pr_number}} {{pr_title}} [[reply:Reviewed.]]')],
    })
    const stream = live(flowId)
    await stream.status
    // The poller's second listing comes after its first (the seed) was taken in: PR 1 is seen. Then PR 2 opens.
    await until('the poller to seed acme/api', () => listings('acme/api') >= 2)
    github.pulls.get('acme/api')!.push({ number: 2, title: 'New endpoint', body: 'b', draft: false, sha: 's2', diff })
    const events = await untilEnd(stream)
    stream.abort()
    expect(events.at(-1)!.event_type).toBe('run_completed')
    expect(github.comments.filter((c) => c.repo === 'acme/api').map((c) => c.number)).toEqual([2])
    expect(JSON.stringify(world.api.requests.at(-1)!.messages)).toContain('Review 2 New endpoint')
    expect((await runsOf(flowId))).toHaveLength(1)
    await server.request(`/api/flows/${flowId}`, { method: 'DELETE' })
  })
})

describe('PR reviews after a manual review', () => {
  it('a manual review before the poller ever listed the repo does not make it review every open PR later', async () => {
    github.pulls.set('acme/old', [
      { number: 7, title: 'Asked for', body: '', draft: false, sha: 'a7', diff: 'diff --git a/x b/x\n' },
      { number: 8, title: 'Already open', body: '', draft: false, sha: 'a8', diff: 'diff --git a/y b/y\n' },
    ])
    // The trigger watches no repo yet, so the poller has never listed acme/old when the manual review runs.
    const watching = (repos: object[]) => [node('t', 'trigger', 'github-pr', { repos, poll_interval: 1 }), exec('x', 'Review {{pr_number}} [[reply:ok]]')]
    const flowId = await createFlow({ name: 'Manual first', nodes: watching([]) })
    const stream = live(flowId)
    await stream.status
    await server.request(`/api/flows/${flowId}/trigger`, { method: 'POST', body: { repo: 'acme/old', pr: 7 } })
    await untilEnd(stream, 1)
    expect(listings('acme/old')).toBe(0)
    // Now the poller watches it: #8 was open before, so it is seen, not reviewed.
    await server.request(`/api/flows/${flowId}`, { method: 'PUT', body: { nodes: watching([{ slug: 'acme/old', path: world.workDir }]) } })
    // Listings: the seed, the first poll, the second poll. A review of #8 by the first poll
    // (comment, run) would be over before the second poll lists again.
    await until('two polls after the seed', () => listings('acme/old') >= 3)
    stream.abort()
    expect((await runsOf(flowId))).toHaveLength(1)
    expect(github.comments.filter((c) => c.repo === 'acme/old')).toEqual([])
    await server.request(`/api/flows/${flowId}`, { method: 'DELETE' })
  })
})

describe('PR reviews on push and big diffs', () => {
  it('re-reviews a pushed PR when review_on_push is set, and splits a diff over max_diff_size into files', async () => {
    const big = ['src/a.ts', 'src/deep/b.ts'].map((path) => `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n-${'x'.repeat(60)}\n+${'y'.repeat(60)}\n`).join('')
    github.pulls.set('acme/web', [])
    const flowId = await createFlow({
      name: 'Pusher',
      nodes: [
        node('t', 'trigger', 'github-pr', { repos: [{ slug: 'acme/web', path: world.workDir }], poll_interval: 1, review_on_push: true, max_diff_size: 100 }),
        exec('x', 'Review type {{review_type}} of {{pr_number}}:\n{{diff}}\n[[reply:Done.]]'),
      ],
    })
    const stream = live(flowId)
    await stream.status
    await until('the poller to seed acme/web', () => listings('acme/web') >= 2)
    github.pulls.get('acme/web')!.push({ number: 5, title: 'Big change', body: '', draft: false, sha: 'first', diff: big })
    await untilEnd(stream, 1)
    const initial = JSON.stringify(world.api.requests.at(-1)!.messages)
    expect(initial).toContain('Review type initial of 5')
    expect(initial).toContain('too large to include inline')
    expect(initial).toContain('src__deep__b.ts.diff')
    expect(initial).not.toContain('yyyyyyyyyy')
    // Pushing a new head SHA asks for a re-review.
    github.pulls.get('acme/web')![0]!.sha = 'second'
    await untilEnd(stream, 2)
    stream.abort()
    expect(JSON.stringify(world.api.requests.at(-1)!.messages)).toContain('Review type re-review of 5')
    expect(github.comments.filter((c) => c.repo === 'acme/web').map((c) => c.body.includes('re-review'))).toEqual([false, true])
    // The pieces are removed once the review has run.
    const dir = /split into one file per changed path in (\S+?)\./.exec(initial.replace(/\\n/g, ' '))![1]!
    await expect(readFile(join(dir, 'src__a.ts.diff'))).rejects.toThrow()
    await server.request(`/api/flows/${flowId}`, { method: 'DELETE' })
  })
})

describe('webhooks', () => {
  it('POST /api/webhooks/{path} runs the flow whose webhook trigger has that path, with the payload', async () => {
    const flowId = await createFlow({ name: 'Hooked', nodes: [node('t', 'trigger', 'webhook', { path: '/deploys/done' }), exec('x', 'A deploy finished: {{webhook_payload}} [[reply:noted]]')] })
    const stream = live(flowId)
    await stream.status
    const res = await server.request('/api/webhooks/deploys/done', { method: 'POST', body: '{"service":"shop"}', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(202)
    expect(res.json<{ runs: { flow_id: string }[] }>().runs.map((r) => r.flow_id)).toEqual([flowId])
    expect((await untilEnd(stream)).at(-1)!.event_type).toBe('run_completed')
    stream.abort()
    expect(JSON.stringify(world.api.requests.at(-1)!.messages)).toContain('A deploy finished: {\\"service\\":\\"shop\\"}')
    expect((await server.request('/api/webhooks/nothing/here', { method: 'POST' })).status).toBe(404)
    expect((await server.request('/api/webhooks/deploys/done', { method: 'POST', auth: false })).status).toBe(401)
  })
})

describe('shutdown', () => {
  it('a run cut short by a shutdown is recorded as interrupted', async () => {
    const s = await startTestServer({ claudeBin: CLAUDE_BIN, childEnv: world.childEnv })
    const body = { name: 'Long', nodes: [exec('x', 'Take long [[slow:1000]]')] }
    const flowId = (await s.request('/api/flows', { method: 'POST', body })).json<{ id: string }>().id
    const stream = openSse(s.url, `/api/flows/${flowId}/runs/live`, { token: s.token })
    await stream.status
    const asked = world.api.requests.length
    await s.request(`/api/flows/${flowId}/trigger`, { method: 'POST' })
    await stream.waitFor('node_started', 10_000)
    // Mid-answer: claude has asked the stand-in, whose slow answer takes ten seconds.
    await until('claude to ask the Messages API', () => world.api.requests.length > asked)
    await s.restart()
    const [run] = (await s.request(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs
    expect(run).toMatchObject({ status: 'failed', error: 'interrupted by shutdown' })
    await s.stop()
  })
})

describe('run history storage', () => {
  it('marks runs a crash left running as failed at start, and keeps at most 100 per flow', async () => {
    const s = await startTestServer()
    const flowId = (await s.request('/api/flows', { method: 'POST', body: { name: 'Old runs' } })).json<{ id: string }>().id
    const dir = join(s.dataDir, 'runs', flowId)
    await mkdir(dir, { recursive: true })
    for (let i = 0; i < 103; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
      const started = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()
      await writeFile(join(dir, `${id}.json`), JSON.stringify({ id, flow_id: flowId, status: i === 102 ? 'running' : 'success', started_at: started, finished_at: i === 102 ? null : started, node_runs: [{ node_id: 'n', status: i === 102 ? 'running' : 'success', started_at: started, finished_at: null, output_preview: null }], error: null }))
    }
    await s.restart()
    const runs = (await s.request(`/api/flows/${flowId}/runs`)).json<{ runs: FlowRun[] }>().runs
    expect(runs).toHaveLength(100)
    expect(runs[0]).toMatchObject({ status: 'failed', error: 'interrupted by shutdown' })
    expect(runs[0]!.node_runs[0]!.status).toBe('failed')
    expect(runs.at(-1)!.id.endsWith('000000000003')).toBe(true)
    const onDisk = JSON.parse(await readFile(join(dir, `${runs[0]!.id}.json`), 'utf8')) as FlowRun
    expect(onDisk.status).toBe('failed')
    await s.stop()
  })
})
