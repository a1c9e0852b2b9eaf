// Starts the real backend in-process on a free loopback port with a fresh temp
// data dir, and speaks raw HTTP to it (node:http, so Host/Origin can be forged).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { rm } from 'node:fs/promises'
import { makeTempDir } from './temp-dir'
import { startBackend, type Backend, type BackendSettings } from '../../src-main/backend'
import { memoryLogger } from '../../src-main/log'

export interface Response {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json<T = unknown>(): T
}

export interface RequestOptions {
  method?: string
  body?: string | object
  headers?: Record<string, string>
  /** false: send no Authorization header. */
  auth?: boolean
}

export interface TestServer {
  backend: Backend
  dataDir: string
  url: string
  token: string
  log: ReturnType<typeof memoryLogger>
  request(path: string, options?: RequestOptions): Promise<Response>
  restart(overrides?: Partial<BackendSettings>): Promise<void>
  stop(): Promise<void>
}

export { makeTempDir } from './temp-dir'

/** Sends `path` verbatim (no dot-segment normalisation) to the server at `base`. */
export function rawRequest(base: string, path: string, options: RequestOptions & { token?: string } = {}): Promise<Response> {
  const target = new URL(base)
  const headers: Record<string, string> = { ...options.headers }
  let payload: string | undefined
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    if (typeof options.body !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json'
    }
  }
  if (options.auth !== false && options.token !== undefined && !('authorization' in headers)) headers.authorization = `Bearer ${options.token}`
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path, method: options.method ?? 'GET', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (payload !== undefined) req.write(payload)
    req.end()
  })
}

export async function startTestServer(overrides: Partial<BackendSettings> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await makeTempDir())
  const log = memoryLogger()
  const settings = (): BackendSettings => ({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    requireToken: true,
    fixedToken: undefined,
    startDisabled: false,
    allowedOrigins: [],
    allowedHosts: [],
    rendererDir: null,
    claudeBin: 'claude',
    turnTimeoutMs: 60_000,
    idleTimeoutMs: 60_000,
    maxLiveSessions: 8,
    executorTimeoutMs: 60_000,
    log,
    ...overrides,
  })
  let backend = await startBackend(settings())
  const server: TestServer = {
    get backend() {
      return backend
    },
    dataDir,
    get url() {
      return backend.url
    },
    get token() {
      return backend.token?.value ?? ''
    },
    log,
    request: (path, options = {}) => rawRequest(backend.url, path, { ...options, token: backend.token?.value }),
    async restart(more = {}) {
      await backend.close()
      overrides = { ...overrides, ...more, port: 0 }
      backend = await startBackend(settings())
    },
    async stop() {
      await backend.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return server
}
