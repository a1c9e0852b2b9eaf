// The headless `serve` command as a user runs it: a real child process.
import { spawnSync } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, rawRequest } from '../support/server'
import { SERVE_JS, startServe, stopAllServes } from '../support/serve-process'

afterEach(stopAllServes)

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

  it('SIGTERM lets in-flight writes finish: every acknowledged flow is on disk, whole', async () => {
    const dir = await makeTempDir()
    const serve = await startServe(['--port', '0', '--data-dir', dir], { SHOGGOTH_TOKEN: 'a-fixed-token-for-this-test-0123456789abcdef' })
    const token = 'a-fixed-token-for-this-test-0123456789abcdef'
    const posts = Array.from({ length: 30 }, (_, i) => rawRequest(serve.url, '/api/flows', { method: 'POST', body: { name: `f${i}` }, token }).catch(() => null))
    await new Promise((resolve) => setTimeout(resolve, 5))
    serve.child.kill('SIGTERM')
    const answers = await Promise.all(posts)
    expect(await serve.exited).toBe(0)
    const acknowledged = answers.filter((res) => res?.status === 201).map((res) => res!.json<{ id: string }>().id)
    const files = await readdir(join(dir, 'flows'))
    for (const id of acknowledged) {
      expect(files).toContain(`${id}.json`)
      expect(JSON.parse(await readFile(join(dir, 'flows', `${id}.json`), 'utf8'))).toMatchObject({ id })
    }
    expect(files.filter((name) => !name.endsWith('.json'))).toEqual([])
    // The fixed token is never written to disk.
    expect(files).not.toContain('api-token')
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
