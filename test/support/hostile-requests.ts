// Hostile HTTP requests for property tests (fast-check): every route of the
// server's own table with ids, queries, headers and bodies that are wrong in
// every way we could think of, sent over a raw socket so that nothing (Host,
// Origin, content type, bytes that are not UTF-8) is tidied up on the way.
import { request } from 'node:http'
import fc from 'fast-check'

export interface Route {
  method: string
  /** Fastify's pattern, e.g. /api/flows/:id/runs or /api/webhooks/* */
  url: string
}

/** What the requests need to know about the server under test. */
export interface Target {
  port: number
  token: string
  routes: Route[]
  /** Ids that exist, per path parameter name (`id`, `node_id`, `session_id`, `run_id`, `*`). */
  known: Record<string, string[]>
}

export interface HostileRequest {
  method: string
  /** Path and query, already percent-encoded as it goes on the wire. */
  path: string
  headers: Record<string, string>
  body: Buffer | null
  /** What the request is, in words, for the failure message. */
  why: string
}

export interface Answer {
  status: number
  contentType: string
  body: string
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE']

/** Ids that can never name a file: traversal, separators, NUL, too long, empty. */
export const unsafeId = fc.oneof(
  fc.constantFrom('..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%2E%2E%5C%2E%2E', 'a%2Fb', '%5C', 'a%00b', '%00', 'x'.repeat(201), 'é'.repeat(150), '%2e%2e%2f%2e%2e%2f'),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => encodeURIComponent(`../${s}`)),
  fc.integer({ min: 201, max: 10_000 }).map((n) => 'a'.repeat(n)),
)

/** Anything at all in a path segment: unicode, spaces, bad percent-encoding, unsafe ids. */
const anyId = fc.oneof(
  unsafeId,
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%C3', '%FF%FE', 'CON', '.hidden', '~', ' '.replace(' ', '%20'), '-', '😀'),
)

function idFor(target: Target, name: string): fc.Arbitrary<string> {
  const known = target.known[name] ?? []
  return known.length === 0 ? anyId : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: anyId })
}

/** The route's pattern with every parameter filled in by `fill`. */
export function fillRoute(url: string, fill: (name: string) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const parts = url.split('/').map((part) => (part.startsWith(':') ? fill(part.slice(1)) : part === '*' ? fill('*') : fc.constant(part)))
  return fc.tuple(...parts).map((filled) => filled.join('/'))
}

const queryValue = fc.oneof(fc.string({ maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('-1', '0', '1e309', 'NaN', '%zz', '%00', 'a'.repeat(5_000), '[]', '{}', 'true'))
const query = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('token', 'limit', 'before', 'after', 'session_id', 'last_event_id', 'q', 'x', '__proto__', 'constructor'), queryValue), { minLength: 1, maxLength: 4 })
      .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '??', '?&&', '?a', '?%zz=1', '?token') },
)

/** A JSON text `depth` arrays deep. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

/** A body the route would accept, for the mutations to start from. */
function sampleBody(route: Route, workDir: string): unknown {
  const { url } = route
  if (url === '/api/flows' || url === '/api/flows/:id') {
    return { name: 'Fuzzed', description: 'd', enabled: false, nodes: [{ id: 'n', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: workDir }, position: { x: 0, y: 0 }, label: 'N' }], edges: [] }
  }
  if (url.startsWith('/api/prompts')) return url.endsWith('summarize') ? { transcript: [{ role: 'user', text: 'hi' }] } : { title: 't', summary: 's', tags: ['a'], source_flow_name: 'f' }
  if (url.endsWith('/interact') || url === '/claude') return { prompt: 'hello' }
  if (url.endsWith('/stop') || url.endsWith('/reset')) return { session_id: 'x' }
  if (url === '/api/permissions/:id') return { behavior: 'deny', scope: 'once', message: 'no' }
  if (url === '/api/validate/cron') return { expression: '0 9 * * 1-5' }
  if (url.endsWith('/trigger')) return { allow_overlap: true }
  return {}
}

/** Every place in a JSON value, as a path of keys; working dirs are left alone (they name real folders). */
function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at]
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  return [at, ...entries.filter(([key]) => key !== 'working_dir').flatMap(([key, v]) => places(v, [...at, key]))]
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>
  if (by === undefined && rest.length === 0) delete copy[head!]
  else copy[head!] = replaced(copy[head!], rest, by)
  return copy
}

/** The sample with one place changed: another type, another value, gone. */
function mutated(sample: unknown): fc.Arbitrary<string> {
  const spots = places(sample)
  return fc
    .tuple(fc.constantFrom(...spots), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), fc.string({ unit: 'grapheme' }), fc.constantFrom(null, -1, 1e308, '', [], {}, '../../etc/passwd', '\u0000')))
    .map(([path, by]) => JSON.stringify(replaced(sample, path, by)) ?? '')
}

/** Bytes that are not UTF-8, inside what is otherwise JSON. */
const notUtf8 = (text: string) => Buffer.concat([Buffer.from(text.slice(0, Math.max(1, text.length - 2))), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}')])

export function bodyFor(route: Route, workDir: string): fc.Arbitrary<Buffer | null> {
  const sample = sampleBody(route, workDir)
  const text = JSON.stringify(sample)
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.constant(Buffer.from(text)) },
    { weight: 6, arbitrary: mutated(sample).map((t) => Buffer.from(t)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: text.length - 1 }).map((n) => Buffer.from(text.slice(0, n))) },
    { weight: 1, arbitrary: fc.constant(notUtf8(text)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.integer({ min: 150, max: 3_000 }).map((depth) => Buffer.from(`{"name":"deep","nodes":${nested(depth)}}`)) },
    { weight: 1, arbitrary: fc.constantFrom(Buffer.from(''), Buffer.from(' '), Buffer.from('null'), Buffer.from('"string"'), Buffer.from('[]')) },
  )
}

/** A body over the 2 MiB limit (costly: rare). */
export const hugeBody = fc.constant(Buffer.from(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024 + 10) })))

export interface HeaderChoices {
  host: string | null
  origin: string | null
  authorization: string | null
  contentType: string | null
}

/** Headers that are mostly right, sometimes wrong in one way or several. */
export function headersFor(target: Target): fc.Arbitrary<HeaderChoices> {
  const self = `127.0.0.1:${target.port}`
  return fc.record({
    host: fc.oneof(
      { weight: 12, arbitrary: fc.constant(self) },
      { weight: 2, arbitrary: fc.constantFrom(`localhost:${target.port}`, `[::1]:${target.port}`, `LOCALHOST:${target.port}`) },
      { weight: 1, arbitrary: fc.constantFrom(null, 'evil.test', `evil.test:${target.port}`, '127.0.0.1:1', '127.0.0.1', '', `${self}.evil.test`, `${self}, evil.test`) },
    ),
    origin: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.constant(`http://${self}`) },
      { weight: 1, arbitrary: fc.constantFrom('https://evil.test', 'null', `http://${self}.evil.test`, `https://${self}`, 'file://', '*', '') },
    ),
    authorization: fc.oneof(
      { weight: 12, arbitrary: fc.constant(`Bearer ${target.token}`) },
      { weight: 1, arbitrary: fc.constantFrom(null, 'Bearer', 'Bearer ', `Bearer ${target.token}x`, `bearer ${target.token}`, `Basic ${Buffer.from(`a:${target.token}`).toString('base64')}`, `Bearer ${'x'.repeat(8_000)}`, `Bearer  ${target.token}`) },
    ),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: fc.constantFrom(null, 'text/plain', 'application/json; charset=utf-16', 'application/vnd.api+json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', ';;;', 'APPLICATION/JSON') },
    ),
  })
}

export function headersOf(choices: HeaderChoices, body: Buffer | null): Record<string, string> {
  const headers: Record<string, string> = {}
  if (choices.host !== null) headers.host = choices.host
  if (choices.origin !== null) headers.origin = choices.origin
  if (choices.authorization !== null) headers.authorization = choices.authorization
  if (body !== null && choices.contentType !== null) headers['content-type'] = choices.contentType
  return headers
}

/** Any request to any route: the right method or another, ids, query, headers, body. */
export function anyRequest(target: Target, workDir: string): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...target.routes).chain((route) =>
    fc
      .record({
        method: fc.oneof({ weight: 5, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
        path: fillRoute(route.url, (name) => idFor(target, name)),
        query,
        choices: headersFor(target),
        body: fc.oneof({ weight: 60, arbitrary: bodyFor(route, workDir) }, { weight: 1, arbitrary: hugeBody }),
      })
      .map(({ method, path, query: q, choices, body }) => ({ method, path: path + q, headers: headersOf(choices, body), body, why: `${method} on ${route.method} ${route.url}` })),
  )
}

/** Sends the request as it is (no Host unless given); an event stream is cut once its head arrived. */
export function send(port: number, hostile: HostileRequest, timeoutMs = 10_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...hostile.headers, ...(hostile.body !== null ? { 'content-length': String(hostile.body.length) } : {}) }
    // Raw UTF-8 bytes on the wire: Node's client takes a path of latin1 characters and writes them byte for byte.
    const path = Buffer.from(hostile.path, 'utf8').toString('latin1')
    const req = request({ host: '127.0.0.1', port, method: hostile.method, path, headers, setHost: false, agent: false }, (res) => {
      const contentType = String(res.headers['content-type'] ?? '')
      const chunks: Buffer[] = []
      const finish = () => resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') })
      if (contentType.startsWith('text/event-stream')) {
        finish()
        return void req.destroy()
      }
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', finish)
      res.on('error', reject)
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(hostile.body ?? undefined)
  })
}

/** Why the answer breaks the rules (no 5xx; every error a JSON body naming it), or null. */
export function problemWith(hostile: HostileRequest, answer: Answer): string | null {
  const seen = `${hostile.why}: ${hostile.method} ${hostile.path.slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 200)}`
  if (answer.status >= 500 || answer.status < 100) return `server error: ${seen}`
  if (answer.status < 400 || hostile.method === 'HEAD') return null
  if (!answer.contentType.startsWith('application/json')) return `error without a JSON content type (${answer.contentType}): ${seen}`
  try {
    const body = JSON.parse(answer.body) as { error?: unknown }
    return typeof body.error === 'string' && body.error !== '' ? null : `error body without an "error" text: ${seen}`
  } catch {
    return `error body that is not JSON: ${seen}`
  }
}

/** The field a route's body must have, and a body without it in the right type. */
const REQUIRED_FIELD: Record<string, string> = {
  'POST /api/flows': 'name',
  'PUT /api/flows/:id': 'name',
  'POST /api/prompts': 'title',
  'PUT /api/prompts/:id': 'title',
  'POST /api/validate/cron': 'expression',
  'POST /api/permissions/:id': 'behavior',
  'POST /api/flows/:id/interact': 'prompt',
  'POST /api/flows/:id/nodes/:node_id/interact': 'prompt',
  'POST /claude': 'prompt',
}

// Not null: an optional field given as null means "not given" (the original's clients send that).
const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }))

/**
 * Requests that must be refused (4xx) whatever else they carry, and so must
 * change nothing: no valid token, a foreign Host or Origin, an id that cannot
 * name a file, or a body the route cannot take.
 */
export function refusedRequest(target: Target, workDir: string): fc.Arbitrary<HostileRequest> {
  const self = `127.0.0.1:${target.port}`
  const api = target.routes.filter((route) => route.url.startsWith('/api/') || route.url === '/claude')
  const withParams = api.filter((route) => /[:*]/.test(route.url))
  const withBodies = api.filter((route) => `${route.method} ${route.url}` in REQUIRED_FIELD)
  const good = { host: self, origin: null, authorization: `Bearer ${target.token}`, contentType: 'application/json' }
  const known = (name: string) => fc.constantFrom(...(target.known[name] ?? ['none']))
  const build = (route: Route, why: string, choices: HeaderChoices, path: fc.Arbitrary<string>, body: fc.Arbitrary<Buffer | null>) =>
    fc.tuple(path, query, body).map(([p, q, b]) => ({ method: route.method, path: p + q, headers: headersOf(choices, b), body: b, why: `${why}, ${route.method} ${route.url}` }))
  const anyPath = (route: Route) => fillRoute(route.url, (name) => idFor(target, name))
  return fc.oneof(
    fc.constantFrom(...api).chain((route) =>
      fc
        .constantFrom(null, 'Bearer', `Bearer ${target.token}x`, `bearer-${target.token}`, `Basic ${target.token}`, `Bearer ${'y'.repeat(5_000)}`, `Token ${target.token}`)
        .chain((authorization) => build(route, 'no valid token', { ...good, authorization }, anyPath(route), bodyFor(route, workDir))),
    ),
    fc.constantFrom(...target.routes).chain((route) =>
      fc
        .constantFrom(null, 'evil.test', `evil.test:${target.port}`, '127.0.0.1:1', `${self}.evil.test`, '127.0.0.2:' + target.port, `[::2]:${target.port}`)
        .chain((host) => build(route, 'a foreign Host', { ...good, host }, anyPath(route), bodyFor(route, workDir))),
    ),
    fc.constantFrom(...target.routes).chain((route) =>
      fc
        .constantFrom('https://evil.test', 'null', `http://${self}.evil.test`, `https://${self}`, `http://localhost:${target.port + 1}`, 'file://')
        .chain((origin) => build(route, 'a foreign Origin', { ...good, origin }, anyPath(route), bodyFor(route, workDir))),
    ),
    fc.constantFrom(...withParams).chain((route) => {
      const params = (route.url.match(/:[a-z_]+|\*/g) ?? []).map((p) => p.replace(':', ''))
      return fc.constantFrom(...params).chain((bad) => build(route, `an unsafe ${bad}`, good, fillRoute(route.url, (name) => (name === bad ? unsafeId : known(name))), bodyFor(route, workDir)))
    }),
    fc.constantFrom(...withBodies).chain((route) => {
      const sample = sampleBody(route, workDir) as Record<string, unknown>
      const text = JSON.stringify(sample)
      const field = REQUIRED_FIELD[`${route.method} ${route.url}`]!
      const bodies: fc.Arbitrary<[string, Buffer, string]> = fc.oneof(
        wrongValue.map((value) => ['a wrong type', Buffer.from(JSON.stringify({ ...sample, [field]: value })), 'application/json'] as [string, Buffer, string]),
        fc.integer({ min: 1, max: text.length - 1 }).map((n) => ['cut short', Buffer.from(text.slice(0, n)), 'application/json'] as [string, Buffer, string]),
        fc.integer({ min: 201, max: 5_000 }).map((depth) => ['too deep', Buffer.from(`{"${field}":${nested(depth)}}`), 'application/json'] as [string, Buffer, string]),
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map((type) => ['not JSON by its type', Buffer.from(text), type] as [string, Buffer, string]),
      )
      return bodies.chain(([how, body, contentType]) => build(route, `a body ${how}`, { ...good, contentType }, fillRoute(route.url, known), fc.constant(body)))
    }),
  )
}
