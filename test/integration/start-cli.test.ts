// `npm start` as a person runs it: in a terminal (a pseudo-terminal from
// util-linux `script`), where Electron has no binary. It says in one line why
// it runs headless, and one Ctrl-C shuts down gracefully, once, ending every
// claude process, with exit code 0.
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { descendants } from '../electron/main-process'
import { CLAUDE_BIN, startClaudeWorld, type ClaudeWorld } from '../support/claude'
import { isAlive, waitUntilGone } from '../support/processes'
import { makeTempDir } from '../support/server'
import { openSse } from '../support/sse-client'

let world: ClaudeWorld
beforeAll(async () => {
  world = await startClaudeWorld()
})
afterAll(() => world.close())

describe('npm start in a terminal', () => {
  it('explains the headless start in one line, and one Ctrl-C shuts down gracefully with exit code 0', async () => {
    const dataDir = await makeTempDir()
    const { SHOGGOTH_TOKEN: _token, PORT: _port, ...env } = process.env
    // -e: exit with the command's status; -f: flush output at once. The build is npm test's first step.
    // `exec`: npm replaces script's shell, as under a person's interactive shell (which is not in the
    // foreground group); a non-interactive dash left in between would die of the Ctrl-C itself (130).
    const terminal = spawn('script', ['-qfec', `exec npm start -- --port 0 --data-dir ${dataDir}`, '/dev/null'], {
      env: { ...env, ...world.childEnv, SHOGGOTH_NO_BUILD: '1', SHOGGOTH_CLAUDE_BIN: CLAUDE_BIN, DISPLAY: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    terminal.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    terminal.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => terminal.once('exit', (code) => resolve(code)))
    try {
      const appUrl = await waitForMatch(() => output, /Open the app: (\S+)/)
      const url = new URL(appUrl)
      const token = new URLSearchParams(url.hash.slice(1)).get('token')!

      // A chat turn leaves a warm claude process behind: Ctrl-C must end it.
      const created = await fetch(`${url.origin}/api/flows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Ctrl-C',
          nodes: [{ id: 'exec', node_type: 'executor', kind: 'claude-code', config: { prompt: 'p', working_dir: world.workDir }, position: { x: 0, y: 0 }, label: 'Exec' }],
        }),
      })
      const { id } = (await created.json()) as { id: string }
      const turn = openSse(url.origin, `/api/flows/${id}/nodes/exec/interact`, { token, body: { prompt: 'hi' } })
      await turn.ended
      const below = descendants(terminal.pid!)
      expect(below.length).toBeGreaterThan(3)

      terminal.stdin.write('\x03')
      expect(await exited).toBe(0)
      expect(await waitUntilGone(below, 3_000)).toEqual([])

      const lines = output.split(/\r?\n/)
      const why = lines.filter((line) => line.startsWith('No desktop window:'))
      expect(why).toEqual([expect.stringContaining('Running headless instead')])
      expect(output).not.toMatch(/failed to install correctly|install-electron|Downloading Electron/)
      expect(output.match(/SIGINT: shutting down/g)).toHaveLength(1)
      expect(output).not.toContain('again')
    } finally {
      if (isAlive(terminal.pid!)) terminal.kill('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})

async function waitForMatch(read: () => string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const match = pattern.exec(read())
    if (match) return match[1]!
    if (Date.now() > end) throw new Error(`no ${pattern} in:\n${read()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
