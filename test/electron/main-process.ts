// Starts the built Electron main (out/main/index.js) under plain Node with the
// stub `electron`, and talks to the stub over the Node IPC channel.
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const MAIN_JS = resolve('out/main/index.js')
const REGISTER = resolve('test/electron/register.mjs')

export interface WindowRecord {
  id: number
  options: { width?: number; height?: number; x?: number; y?: number; webPreferences?: Record<string, unknown> }
  calls: string[]
  loaded: { url: string; status: number; csp: string | null; hasRoot: boolean } | null
}

export interface StubRecord {
  appEvents: string[]
  windows: WindowRecord[]
  ipcChannels: string[]
  menu: { role?: string; label?: string }[] | null
  notifications: { title: string; body: string }[]
  external: string[]
  /** Messages the main process sent to a page (webContents.send). */
  sent: { channel: string; args: unknown[] }[]
  log: string[]
}

export interface MainProcess {
  child: ChildProcess
  stderr(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  command<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>
  state(): Promise<StubRecord>
  /** Polls the stub until `check` passes. */
  waitFor<T>(check: (state: StubRecord) => T | undefined | false, timeoutMs?: number): Promise<T>
  kill(): void
}

export function startMain(env: Record<string, string>): MainProcess {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npx electron-vite build\` first`)
  const { SHOGGOTH_TOKEN: _ignored, PORT: _port, ...base } = process.env
  const child = fork(MAIN_JS, [], {
    execArgv: ['--import', REGISTER],
    env: { ...base, PORT: '0', SHOGGOTH_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  )
  let nextId = 1
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.error !== undefined) waiter?.reject(new Error(message.error))
    else waiter?.resolve(message.result)
  })
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the main process exited:\n${stderr}`))
    pending.clear()
  })

  const command = <T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      child.send({ id, cmd, ...args })
    })

  const state = (): Promise<StubRecord> => command<StubRecord>('state')

  return {
    child,
    stderr: () => stderr,
    exited,
    command,
    state,
    async waitFor(check, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs
      for (;;) {
        const result = check(await state())
        if (result !== undefined && result !== false) return result
        if (Date.now() > end) throw new Error(`timed out waiting; main process log:\n${stderr}`)
        await new Promise((done) => setTimeout(done, 50))
      }
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}

/** Pids of every live process below `pid` (from /proc). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (fields[0] !== 'Z') parents.set(Number(name), Number(fields[1]))
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = []
  const walk = (parent: number): void => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}
