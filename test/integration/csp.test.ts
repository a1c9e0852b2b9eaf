// The UI under /app/ is served with a strict Content-Security-Policy, in the
// browser as in Electron, and the built page needs nothing it forbids.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server'

const RENDERER_DIR = resolve('out/renderer')

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ rendererDir: RENDERER_DIR })
})
afterAll(() => server.stop())

const directives = (policy: string | undefined): Map<string, string> =>
  new Map((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]))

describe('the Content-Security-Policy of /app/', () => {
  it('runs only our own scripts, connects only to this backend and cannot be framed', async () => {
    const page = await server.request('/app/', { auth: false })
    expect(page.status).toBe(200)
    const policy = directives(page.headers['content-security-policy'] as string | undefined)
    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('connect-src')).toBe("'self'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('script-src')).not.toContain('unsafe')
  })

  it('comes with every file of the UI', async () => {
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(resolve(RENDERER_DIR, 'index.html'), 'utf8'))?.[1]
    expect(script).toBeDefined()
    for (const path of ['/app/index.html', `/app/${script}`]) {
      const res = await server.request(path, { auth: false })
      expect(res.status, path).toBe(200)
      expect(res.headers['content-security-policy'], path).toContain("connect-src 'self'")
    }
  })

  it('is not needed by the built page: no inline script or style in index.html', () => {
    const html = readFileSync(resolve(RENDERER_DIR, 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/)
      expect(body!.trim()).toBe('')
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i)
  })
})
