// `npm start` as a person runs it: in a terminal (a pseudo-terminal from
// util-linux `script`), where Electron has no binary. It says in one line why
// it runs headless, and one Ctrl-C shuts down gracefully, once, ending every
// claude process, with exit code 0; a second Ctrl-C while that takes long
// exits at once, with code 1.
import { spawn, type ChildProcess } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { descendants } from '../electron/main-process'
import { startFake, type FakeServer } from '../fixtures/fake-http'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { isAlive, waitUntilGone } from '../support/processes'
import { makeTempDir } from '../support/server'
import { openSse } from '../support/sse-client'

let world: ClaudeWorld
beforeAll(async () => {
  world = await startClaudeWorld()
})
afterAll(() => world.close())

interface Terminal {
  process: ChildProcess
  output(): string
  exited: Promise<number | null>
  /** The app's origin and API token, once it has printed its link. */
  app(): Promise<{ origin: string; token: string }>
  /** Types Ctrl-C. */
  interrupt(): void
}

/** `npm start` in a pseudo-terminal, headless (no display, no Electron binary), with the build of npm test's first step. */
function startInTerminal(dataDir: string): Terminal {
  const { SHOGGOTH_TOKEN: _token, PORT: _port, ...env } = process.env
  // -e: exit with the command's status; -f: flush output at once.
  // `exec`: npm replaces script's shell, as under a person's interactive shell (which is not in the
  // foreground group); a non-interactive dash left in between would die of the Ctrl-C itself (130).
  const child = spawn('script', ['-qfec', `exec npm start -- --port 0 --data-dir ${dataDir}`, '/dev/null'], {
    env: { ...env, ...world.childEnv, SHOGGOTH_NO_BUILD: '1', SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, DISPLAY: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  return {
    process: child,
    output: () => output,
    exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
    async app() {
      const url = new URL(await waitForMatch(() => output, /Open the app: (\S+)/))
      return { origin: url.origin, token: new URLSearchParams(url.hash.slice(1)).get('token')! }
    },
    interrupt: () => child.stdin.write('\x03'),
  }
}

async function createFlow(origin: string, token: string, name: string, nodes: unknown[]): Promise<string> {
  const created = await fetch(`${origin}/api/flows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, nodes }),
  })
  return ((await created.json()) as { id: string }).id
}

const executor = (prompt: string) => ({ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt, working_dir: world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' })

/** A chat turn leaves a warm claude process behind, for Ctrl-C to end. */
async function warmClaude(origin: string, token: string): Promise<void> {
  const id = await createFlow(origin, token, 'Ctrl-C', [executor('p')])
  const turn = openSse(origin, `/api/flows/${id}/nodes/exec/interact`, { token, body: { prompt: 'hi' } })
  await turn.ended
}

describe('npm start in a terminal', () => {
  it('explains the headless start in one line, and one Ctrl-C shuts down gracefully with exit code 0', async () => {
    const dataDir = await makeTempDir()
    const terminal = startInTerminal(dataDir)
    try {
      const { origin, token } = await terminal.app()
      await warmClaude(origin, token)
      const below = descendants(terminal.process.pid!)
      expect(below.length).toBeGreaterThan(3)

      terminal.interrupt()
      expect(await terminal.exited).toBe(0)
      expect(await waitUntilGone(below, 3_000)).toEqual([])

      const output = terminal.output()
      const why = shownLines(output).filter((line) => line.startsWith('No desktop window:'))
      expect(why, output).toEqual([expect.stringContaining('Running headless instead')])
      expect(output).not.toMatch(/failed to install correctly|install-electron|Downloading Electron/)
      expect(output.match(/SIGINT: shutting down/g)).toHaveLength(1)
      expect(output).not.toContain('again')
    } finally {
      if (isAlive(terminal.process.pid!)) terminal.process.kill('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('a second Ctrl-C while the shutdown waits exits at once with code 1, leaving no claude behind', async () => {
    const dataDir = await makeTempDir()
    // A page that never answers: shutting down waits for the run fetching it (up to its 30 s limit).
    const silentPage: FakeServer = await startFake(() => undefined)
    const terminal = startInTerminal(dataDir)
    try {
      const { origin, token } = await terminal.app()
      await warmClaude(origin, token)
      const flowId = await createFlow(origin, token, 'Slow page', [
        { id: 'when', node_type: 'trigger', kind: 'manual', config: {}, position: { x: 0, y: 0 }, label: 'When' },
        { id: 'page', node_type: 'source', kind: 'web-scrape', config: { url: `${silentPage.url}/slow` }, position: { x: 1, y: 0 }, label: 'Page' },
        executor('Summarise.'),
      ])
      const triggered = await fetch(`${origin}/api/flows/${flowId}/trigger`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      expect(triggered.status).toBe(202)
      await waitFor(() => silentPage.requests.length > 0, 'the run to fetch the page')
      const below = descendants(terminal.process.pid!)
      expect(below.length).toBeGreaterThan(3)

      terminal.interrupt()
      const firstAt = Date.now()
      await waitForMatch(() => terminal.output(), /(SIGINT: shutting down)/)
      // npm start takes two SIGINTs this close together for one keypress: the second press comes later.
      await waitFor(() => Date.now() > firstAt + SAME_KEYPRESS_MS + 100, 'the keypress window to pass')
      expect(terminal.output()).not.toContain('again')
      terminal.interrupt()

      expect(await terminal.exited).toBe(1)
      expect(terminal.output()).toContain('SIGINT again: exiting without waiting')
      expect(await waitUntilGone(below, 3_000)).toEqual([])
    } finally {
      if (isAlive(terminal.process.pid!)) terminal.process.kill('SIGKILL')
      await silentPage.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})

/** The lines as the terminal shows them: npm's busy spinner (drawn when npm is slow to start) and cursor moves left out. */
function shownLines(output: string): string[] {
  return output.replace(/\x1b\[[0-9;]*[A-Za-z]|[\u2800-\u28ff]/g, '').split(/\r?\n/)
}

/** scripts/start.mjs's window for the two SIGINTs one Ctrl-C sends. */
const SAME_KEYPRESS_MS = 500

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function waitForMatch(read: () => string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const match = pattern.exec(read())
    if (match) return match[1]!
    if (Date.now() > end) throw new Error(`no ${pattern} in:\n${read()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
