// Hostile input (issue 11): property tests over every route of the server's own
// table — methods, ids, queries, headers, bodies. Never a 5xx, every error a JSON
// body with a 4xx, a refused request changes nothing in the data dir, nothing is
// written outside it, and no static path reads a file beside the UI. The seed is
// printed; SHOGGOTH_FUZZ_SEED replays a run, SOAK_HOSTILE_REQUESTS sets the size.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { HttpServerOptions } from '../../src-main/http/server'
import { differences, snapshot } from '../support/dir-snapshot'
import { anyRequest, problemWith, refusedRequest, send, type Answer, type HostileRequest, type Route, type Target } from '../support/hostile-requests'
import { node, runHelpers, untilEnd } from '../support/run-flows'
import { makeTempDir, startTestServer, type TestServer } from '../support/server'

// The API routes as the server registers them: whatever is added later is fuzzed too.
const routeTable = vi.hoisted(() => [] as { method: string; url: string }[])
vi.mock('../../src-main/http/server', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src-main/http/server')>()
  return {
    ...original,
    buildHttpServer: (options: HttpServerOptions) =>
      original.buildHttpServer({
        ...options,
        routes: (api) => {
          api.addHook('onRoute', (route) => {
            for (const method of [route.method].flat()) routeTable.push({ method, url: route.url })
          })
          options.routes(api)
        },
      }),
  }
})

const REQUESTS = Number(process.env.SOAK_HOSTILE_REQUESTS ?? 2_000)
const SEED = Number(process.env.SHOGGOTH_FUZZ_SEED ?? Date.now() % 2 ** 31)
const SECRET = `secret-${randomBytes(8).toString('hex')}`

let sandbox: string
let workDir: string
let server: TestServer
let target: Target

beforeAll(async () => {
  console.log(`hostile input: seed ${SEED} (SHOGGOTH_FUZZ_SEED=${SEED} replays it), ${REQUESTS} requests`)
  // Everything the server may touch lives in the sandbox: its data dir, its working dir
  // (relative working dirs resolve below it), the UI files, and a secret next to them.
  sandbox = await makeTempDir('shoggoth-hostile-')
  workDir = join(sandbox, 'a', 'b', 'c', 'cwd')
  await mkdir(workDir, { recursive: true })
  await mkdir(join(sandbox, 'renderer'))
  await writeFile(join(sandbox, 'renderer', 'index.html'), '<!doctype html><title>ui</title>')
  await writeFile(join(sandbox, 'secret.txt'), SECRET)
  server = await startTestServer({ dataDir: join(sandbox, 'data'), serverCwd: workDir, rendererDir: join(sandbox, 'renderer'), claudeBin: '/nonexistent/claude', integrationEnv: {} })
  const known = await seed(server)
  // A fresh start with everything on disk: nothing is still being written when the checks begin.
  await server.restart()
  target = { port: server.backend.port, token: server.token, routes: fuzzedRoutes(), known }
}, 60_000)
afterAll(async () => {
  await server.backend.close()
  await rm(sandbox, { recursive: true, force: true })
})

/** One of each thing a path can name: a flow with a node and a webhook, a run, a session, a prompt. */
async function seed(s: TestServer): Promise<Target['known']> {
  const { createFlow, live, trigger, runsOf } = runHelpers(() => s)
  const flowId = await createFlow({
    name: 'Target',
    nodes: [node('hook', 'trigger', 'webhook', { path: '/hook' }), node('exec', 'executor', 'claude-code', { prompt: 'p', working_dir: workDir })],
    edges: [{ id: 'e', source: 'hook', target: 'exec' }],
  })
  const stream = await live(flowId)
  await trigger(flowId)
  await untilEnd(stream)
  stream.abort()
  const [run] = await runsOf(flowId)
  const session = (await s.request(`/api/flows/${flowId}/nodes/exec/interact/new`, { method: 'POST' })).json<{ session_id: string }>().session_id
  const prompt = (await s.request('/api/prompts', { method: 'POST', body: { title: 't', summary: 's' } })).json<{ id: string }>().id
  return { id: [flowId, prompt], node_id: ['exec'], session_id: [session], run_id: [run!.id], '*': ['hook', 'index.html'] }
}

/** The API's routes, once each, plus the public ones (health, the UI files). */
function fuzzedRoutes(): Route[] {
  const unique = new Map(routeTable.map((route) => [`${route.method} ${route.url}`, route]))
  return [...unique.values(), { method: 'GET', url: '/health' }, { method: 'GET', url: '/app/*' }]
}

/** What the property saw, for the figures. */
const statuses = new Map<number, number>()

/** Sends the request and holds its answer to the rules every answer keeps. */
async function answered(hostile: HostileRequest): Promise<Answer> {
  const answer = await send(target.port, hostile)
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
  const problem = problemWith(hostile, answer)
  if (problem) throw new Error(problem)
  return answer
}

describe('hostile requests', { timeout: 60_000 + REQUESTS * 30 }, () => {
  it('the route table was read from the server', () => {
    expect(target.routes.length).toBeGreaterThan(40)
    expect(target.routes).toContainEqual({ method: 'POST', url: '/api/flows' })
  })

  it('a request that must be refused is refused (in JSON) and changes nothing in the data dir', async () => {
    const dataDir = join(sandbox, 'data')
    let before = await snapshot(dataDir)
    await fc.assert(
      fc.asyncProperty(refusedRequest(target, workDir), async (hostile) => {
        const answer = await answered(hostile)
        // Taken first, so that the next request (shrinking replays some) starts from what is on disk now.
        const after = await snapshot(dataDir)
        const changed = differences(before, after)
        before = after
        // A redirect (a trailing slash) delivers nothing and changes nothing either.
        if (answer.status < 300) throw new Error(`accepted (${answer.status}): ${hostile.why}: ${hostile.method} ${hostile.path.slice(0, 200)}`)
        if (changed.length > 0) throw new Error(`refused with ${answer.status} but the data dir changed (${changed.join(', ')}): ${hostile.why}`)
      }),
      { numRuns: Math.round(REQUESTS * 0.3), seed: SEED },
    )
  })

  it('any request: never a 5xx, every error a JSON body, no file beside the UI is read', async () => {
    const started = performance.now()
    await fc.assert(
      fc.asyncProperty(anyRequest(target, workDir), async (hostile) => {
        const answer = await answered(hostile)
        if (answer.body.includes(SECRET)) throw new Error(`the secret beside the UI was read: ${hostile.method} ${hostile.path}`)
      }),
      { numRuns: REQUESTS - Math.round(REQUESTS * 0.3), seed: SEED },
    )
    const seconds = (performance.now() - started) / 1000
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')
    console.log(`hostile input: ${REQUESTS} requests over ${target.routes.length} routes, statuses ${histogram}; ${(REQUESTS * 0.7 / seconds).toFixed(0)} req/s for the mixed ones`)
  })

  it('afterwards the server still answers, logged no failure, and wrote nothing outside its folders', async () => {
    expect((await server.request('/health', { auth: false })).status).toBe(200)
    expect(server.log.lines.filter((line) => line.includes('request failed'))).toEqual([])
    expect((await readdir(sandbox)).sort()).toEqual(['a', 'data', 'renderer', 'secret.txt'])
  })
})
