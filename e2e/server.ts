import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { repoRoot } from './paths'

export interface RunningServer {
  /** The URL the server prints for the browser, token fragment included. */
  appUrl: string
  /** Origin of the API, e.g. http://127.0.0.1:40123 */
  baseUrl: string
  token: string
  dataDir: string
  /** Everything the server wrote to stderr so far (its log). */
  log(): string
  stop(): Promise<void>
}

const READY_PREFIX = 'Open the app: '
const START_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 5_000

export interface ServerOptions {
  /** Added to the server's environment (e.g. where its `claude` children find their API). */
  env?: Record<string, string>
  /** Reuse a data directory (a restart); it is then left in place on stop. */
  dataDir?: string
  /** Listen on this port instead of a free one (a restart on the same address). */
  port?: number
}

/** Starts `node out/main/serve.js` on a free port with a fresh data directory. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'shoggoth-e2e-')))
  // The server must mint its own token, never reuse one from the developer's shell.
  const env = { ...process.env, ...options.env }
  delete env['SHOGGOTH_TOKEN']

  const child = spawn(process.execPath, ['out/main/serve.js', '--port', String(options.port ?? 0), '--data-dir', dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk
  })

  try {
    const appUrl = await waitForAppUrl(child, () => stderr)
    const url = new URL(appUrl)
    const token = new URLSearchParams(url.hash.slice(1)).get('token')
    if (!token) throw new Error(`No token in the printed URL: ${appUrl}`)
    return {
      appUrl,
      baseUrl: url.origin,
      token,
      dataDir,
      log: () => stderr,
      stop: () => stopServer(child, ownsDataDir ? dataDir : null),
    }
  } catch (error) {
    await stopServer(child, ownsDataDir ? dataDir : null)
    throw error
  }
}

// Reads stdout line by line until the "Open the app:" line; fails if the
// server exits first or takes too long.
function waitForAppUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  const stdout = child.stdout
  if (!stdout) return Promise.reject(new Error('server stdout is not piped'))
  const lines = createInterface({ input: stdout })

  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      done()
      reject(new Error(`server printed no "${READY_PREFIX}" line within ${START_TIMEOUT_MS} ms\n${stderr()}`))
    }, START_TIMEOUT_MS)
    const onLine = (line: string): void => {
      if (!line.startsWith(READY_PREFIX)) return
      done()
      resolve(line.slice(READY_PREFIX.length).trim())
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      done()
      reject(new Error(`server exited early (code ${code}, signal ${signal})\n${stderr()}`))
    }
    // Detach our listeners, but keep the readline open so stdout stays drained
    // and the server never blocks on a full pipe.
    const done = (): void => {
      clearTimeout(timer)
      lines.off('line', onLine)
      child.off('exit', onExit)
    }
    lines.on('line', onLine)
    child.once('exit', onExit)
  })
}

async function stopServer(child: ChildProcess, dataDir: string | null): Promise<void> {
  try {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref()),
    ])
    if (timedOut) {
      child.kill('SIGKILL')
      await exited
      throw new Error(`server ignored SIGTERM for ${STOP_TIMEOUT_MS} ms`)
    }
  } finally {
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true })
  }
}
