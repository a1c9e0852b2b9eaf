// The built Electron main process (out/main/index.js), run under plain Node
// with a stub `electron` (test/electron/): the window, its options, IPC,
// single instance, links, window state and quit, against the real backend.
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MAX_NAP_MS } from '../../src-main/scheduler/clock'
import { descendants, startMain, type MainProcess, type WindowRecord } from '../electron/main-process'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { isAlive } from '../support/processes'
import { makeTempDir } from '../support/server'
import { openSse } from '../support/sse-client'

const MINUTE = 60_000
const started: MainProcess[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const main of started.splice(0)) main.kill()
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function home(): Promise<string> {
  const dir = await makeTempDir()
  dirs.push(dir)
  return dir
}

function launch(dataDir: string, env: Record<string, string> = {}): MainProcess {
  const main = startMain({ SHOGGOTH_HOME: dataDir, STUB_ELECTRON_LOCK_DIR: join(dataDir, 'lock'), ...env })
  started.push(main)
  return main
}

const loadedWindow = (main: MainProcess): Promise<WindowRecord> => main.waitFor((state) => state.windows.find((w) => w.loaded !== null))

async function connectionOf(main: MainProcess, window: WindowRecord): Promise<{ apiBase: string; token: string }> {
  return main.command('invoke', { channel: 'shoggoth:connection', senderUrl: window.loaded!.url })
}

describe('the Electron main process', () => {
  it('starts the backend and loads /app/ from it in a sandboxed window', async () => {
    const main = launch(await home())
    const window = await loadedWindow(main)
    expect(window.loaded).toMatchObject({ status: 200, hasRoot: true })
    expect(window.loaded!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/$/)
    expect(window.loaded!.csp).toContain("connect-src 'self'")
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    const preload = String(window.options.webPreferences?.preload)
    expect(preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(existsSync(preload)).toBe(true)

    const state = await main.state()
    expect(state.menu?.map((item) => item.role)).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu']))
    expect(state.ipcChannels).toEqual(expect.arrayContaining(['shoggoth:connection', 'shoggoth:notify']))
  })

  it('answers the IPC handlers for its own page only', async () => {
    const main = launch(await home())
    const window = await loadedWindow(main)
    const connection = await connectionOf(main, window)
    expect(connection.apiBase).toBe(new URL(window.loaded!.url).origin)
    const flows = await fetch(`${connection.apiBase}/api/flows`, { headers: { authorization: `Bearer ${connection.token}` } })
    expect(flows.status).toBe(200)
    expect(await main.command('invoke', { channel: 'shoggoth:connection', senderUrl: 'https://evil.example/' })).toBeNull()

    const notify = (payload: unknown): Promise<boolean> => main.command('invoke', { channel: 'shoggoth:notify', senderUrl: window.loaded!.url, args: [payload] })
    expect(await notify({ title: 'Run finished', body: 'Daily digest' })).toBe(true)
    expect(await notify({ body: 'no title' })).toBe(false)
    expect((await main.state()).notifications).toEqual([{ title: 'Run finished', body: 'Daily digest' }])
  })

  it('brings the window to the front when a notification is clicked, and tells the page which one', async () => {
    const main = launch(await home())
    const window = await loadedWindow(main)
    await main.command('minimize')
    const notify = (payload: unknown): Promise<boolean> => main.command('invoke', { channel: 'shoggoth:notify', senderUrl: window.loaded!.url, args: [payload] })
    expect(await notify({ title: 'Daily digest — run failed', body: 'No feed', clickId: 7 })).toBe(true)
    expect(await notify({ title: 'Bad click id', clickId: 'seven' })).toBe(false)
    await main.command('clickNotification', { index: 0 })
    const state = await main.state()
    expect(state.windows[0]!.calls.slice(-3)).toEqual(['restore', 'show', 'focus'])
    expect(state.sent).toEqual([{ channel: 'shoggoth:notify-clicked', args: [7] }])
  })

  it('keeps the window on the app and sends other links to the system browser', async () => {
    const main = launch(await home())
    const window = await loadedWindow(main)
    expect(await main.command('windowOpen', { url: 'https://example.com/docs' })).toEqual({ action: 'deny' })
    expect(await main.command('navigate', { url: `${window.loaded!.url}#/flows` })).toBe(false)
    expect(await main.command('navigate', { url: 'https://example.org/' })).toBe(true)
    expect(await main.command('navigate', { url: 'file:///etc/passwd' })).toBe(true)
    expect((await main.state()).external).toEqual(['https://example.com/docs', 'https://example.org/'])
  })

  it('focuses the first window when a second instance starts, and the second one leaves', async () => {
    const dataDir = await home()
    const first = launch(dataDir)
    await loadedWindow(first)
    await first.command('minimize')
    const second = launch(dataDir)
    expect((await second.exited).code).toBe(0)
    const window = await first.waitFor((state) => state.windows[0]?.calls.includes('focus') && state.windows[0])
    expect(window.calls.slice(-3)).toEqual(['restore', 'show', 'focus'])
    expect((await first.state()).windows).toHaveLength(1)
  })

  it('remembers the window size, position and maximised state', async () => {
    const dataDir = await home()
    const first = launch(dataDir)
    await loadedWindow(first)
    await first.command('setBounds', { bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximize: true })
    await first.command('quit')
    expect((await first.exited).code).toBe(0)
    const saved = JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8')) as unknown
    expect(saved).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: true })

    const again = launch(dataDir)
    const window = await loadedWindow(again)
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 })
    expect(window.calls).toContain('maximize')
  })

  it('forgets a position that is off every screen', async () => {
    const dataDir = await home()
    await writeFile(join(dataDir, 'window-state.json'), JSON.stringify({ x: 9000, y: 9000, width: 900, height: 600, maximized: false }))
    const window = await loadedWindow(launch(dataDir))
    expect(window.options).toMatchObject({ width: 900, height: 600 })
    expect(window.options.x).toBeUndefined()
  })
})

describe('waking from sleep', () => {
  it('looks at the cron triggers again on resume: a fire missed while asleep runs then', async () => {
    const main = launch(await home())
    const window = await loadedWindow(main)
    const { apiBase, token } = await connectionOf(main, window)
    const api = (path: string, init: RequestInit = {}): Promise<Response> =>
      fetch(`${apiBase}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })
    // Due in ten minutes of wall-clock time: no timer of this test's reaches it.
    const due = new Date(Date.now() + 10 * MINUTE)
    const created = await api('/api/flows', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Daily',
        nodes: [{ id: 't', node_type: 'trigger', kind: 'cron', config: { schedule: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *` }, position: { x: 0, y: 0 }, label: 'When' }],
      }),
    })
    const createdAt = Date.now()
    const { id } = (await created.json()) as { id: string }
    const cronRuns = async (): Promise<unknown[]> => ((await (await api(`/api/flows/${id}/runs`)).json()) as { runs: { trigger: string }[] }).runs.filter((run) => run.trigger === 'cron')

    await main.command('suspend', { ms: 15 * MINUTE })
    expect(await cronRuns()).toEqual([])
    await main.command('resume')
    // Well before the scheduler's own longest nap ends, so only the resume can have woken it.
    for (const deadline = createdAt + MAX_NAP_MS / 2; (await cronRuns()).length === 0; ) {
      if (Date.now() > deadline) throw new Error(`no cron run after resume; main process log:\n${main.stderr()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(await cronRuns()).toHaveLength(1)
  })
})

describe('quitting', () => {
  let world: ClaudeWorld
  beforeAll(async () => {
    world = await startClaudeWorld()
  })
  afterAll(() => world.close())

  it('waits for the backend to stop and leaves no claude process', async () => {
    const main = launch(await home(), { ...world.childEnv, SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN })
    const window = await loadedWindow(main)
    const { apiBase, token } = await connectionOf(main, window)
    const created = await fetch(`${apiBase}/api/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Quit',
        nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' }],
      }),
    })
    const { id } = (await created.json()) as { id: string }
    // A finished node turn leaves its claude process running, warm for the next message.
    const turn = openSse(apiBase, `/api/flows/${id}/nodes/exec/interact`, { token, body: { prompt: 'hello' } })
    await turn.ended
    expect(turn.events.map((e) => e.event)).toContain('done')
    const children = descendants(main.child.pid!)
    expect(children.length).toBeGreaterThan(0)

    await main.command('quit')
    const exit = await main.exited
    expect(exit).toEqual({ code: 0, signal: null })
    // Gone the moment the app has exited: quit waited for them.
    expect(children.filter(isAlive)).toEqual([])
    const log = main.stderr()
    expect(log.indexOf('[stub-electron] quit prevented')).toBeGreaterThan(-1)
    expect(log.indexOf('[stub-electron] quit prevented')).toBeLessThan(log.lastIndexOf('[stub-electron] exiting'))
    expect(log.match(/\[stub-electron\] app\.quit/g)).toHaveLength(2)
  }, 60_000)
})
