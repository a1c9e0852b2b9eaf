// The headless `serve` command as a user runs it: a real child process.
import { spawnSync } from 'node:child_process'
import { request } from 'node:http'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, rawRequest } from '../support/server'
import { SERVE_JS, startServe, stopAllServes } from '../support/serve-process'

afterEach(stopAllServes)

/** POST /api/flows over its own socket; `hangUp` closes it if `leaves` (the answer is then null). */
function postFlow(url: string, token: string, body: object, leaves: boolean): { answer: Promise<string | null>; hangUp(): void } {
  const req = request(`${url}/api/flows`, { method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })
  const answer = new Promise<string | null>((done) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(res.statusCode === 201 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id : null))
      res.on('error', () => done(null))
    })
    req.on('error', () => done(null))
  })
  req.end(JSON.stringify(body))
  return { answer, hangUp: () => void (leaves && req.destroy()) }
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting for the condition')
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('serve', () => {
  it('prints where it listens and the app URL with the token in the fragment, once, and never logs the token', async () => {
    const dir = await makeTempDir()
    const serve = await startServe(['--port', '0', '--data-dir', dir])
    const token = (await readFile(join(dir, 'api-token'), 'utf8')).trim()
    expect(serve.stdout[0]).toBe(`Shoggoth listening on ${serve.url} (API token in ${join(dir, 'api-token')})`)
    expect(serve.appUrl).toBe(`${serve.url}/app/#token=${token}`)
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const health = await rawRequest(serve.url, '/health')
    expect(health.json()).toEqual({ status: 'ok' })
    expect((await rawRequest(serve.url, '/api/flows', { token })).status).toBe(200)
    expect((await rawRequest(serve.url, '/api/flows')).status).toBe(401)

    serve.child.kill('SIGTERM')
    expect(await serve.exited).toBe(0)
    expect(serve.stdout.filter((line) => line.includes(token))).toHaveLength(1)
    expect(serve.stderr.join('\n')).not.toContain(token)
    expect(serve.stderr.join('\n')).toContain('SIGTERM: shutting down')
  })

  it('SIGTERM lets in-flight writes finish: acknowledged flows are on disk, no write is cut short', async () => {
    const dir = await makeTempDir()
    const token = 'a-fixed-token-for-this-test-0123456789abcdef'
    const serve = await startServe(['--port', '0', '--data-dir', dir], { SHOGGOTH_TOKEN: token })
    const flowsDir = join(dir, 'flows')
    // Big flows, so each write takes a while; half the clients hang up once
    // their request is sent: their writes go on with no connection left to
    // hold the shutdown back, only the final drain.
    const description = 'd'.repeat(1_500_000)
    const posts = Array.from({ length: 24 }, (_, i) => postFlow(serve.url, token, { name: `f${i}`, description }, i % 2 === 0))
    // Writes are in flight once their temp files exist.
    await until(async () => (await readdir(flowsDir)).some((name) => name.endsWith('.tmp')))
    for (const post of posts) post.hangUp()
    serve.child.kill('SIGTERM')
    const answers = await Promise.all(posts.map((post) => post.answer))
    expect(await serve.exited).toBe(0)

    const files = await readdir(flowsDir)
    // Nothing cut short: no temp file of an unfinished write, every file whole.
    expect(files.filter((name) => !name.endsWith('.json'))).toEqual([])
    for (const name of files) expect(JSON.parse(await readFile(join(flowsDir, name), 'utf8'))).toMatchObject({ description })
    const acknowledged = answers.filter((answer): answer is string => answer !== null)
    expect(acknowledged.length).toBeGreaterThan(0)
    for (const id of acknowledged) expect(files).toContain(`${id}.json`)
    // The fixed token is never written to disk.
    await expect(readFile(join(dir, 'api-token'))).rejects.toThrow()
  })

  it('serves the built UI at /app/ without a token', async () => {
    const dir = await makeTempDir()
    const serve = await startServe(['--port', '0', '--data-dir', dir])
    const page = await rawRequest(serve.url, '/app/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.text).toContain('<div id="root">')
    const bare = await rawRequest(serve.url, '/app')
    expect(bare.status).toBeGreaterThanOrEqual(301)
    expect(bare.headers.location).toBe('/app/')
    const missing = await rawRequest(serve.url, '/app/missing.js')
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ error: 'not found' })
    serve.child.kill('SIGINT')
    expect(await serve.exited).toBe(0)
  })

  it('--help prints usage; a bad flag exits 2 with usage on stderr', () => {
    const help = spawnSync(process.execPath, [SERVE_JS, '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('--insecure-no-token')
    const bad = spawnSync(process.execPath, [SERVE_JS, '--port', 'x'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--port must be a port number')
  })

  it('a port already in use is a clear error, exit 1', async () => {
    const dir = await makeTempDir()
    const first = await startServe(['--port', '0', '--data-dir', dir])
    const port = new URL(first.url).port
    const second = spawnSync(process.execPath, [SERVE_JS, '--port', port, '--data-dir', await makeTempDir()], { encoding: 'utf8', timeout: 10_000 })
    expect(second.status).toBe(1)
    expect(second.stderr).toContain('EADDRINUSE')
    first.child.kill('SIGTERM')
    await first.exited
  })
})
