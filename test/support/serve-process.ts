// Runs the built headless server (`node out/main/serve.js`) as a child process.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

export const SERVE_JS = resolve('out/main/serve.js')

export interface ServeProcess {
  child: ChildProcess
  stdout: string[]
  stderr: string[]
  url: string
  appUrl: string
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

/** Ends every server this file started; call from afterEach so a failed test leaks nothing. */
export async function stopAllServes(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done()
          child.once('exit', () => done())
          child.kill('SIGKILL')
        }),
    ),
  )
  running.clear()
}

export function assertBuilt(): void {
  if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run \`npm run build\` first (npm test does)`)
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  assertBuilt()
  const { SHOGGOTH_TOKEN: _ignored, ...base } = process.env
  const child = spawn(process.execPath, [SERVE_JS, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  const stdout: string[] = []
  const stderr: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const appUrl = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line)
      if (line.startsWith('Open the app: ')) done(line.slice('Open the app: '.length))
    })
    void exited.then((code) => fail(new Error(`serve exited with ${code} before listening:\n${stderr.join('\n')}`)))
  })
  return { child, stdout, stderr, url: new URL(appUrl).origin, appUrl, exited }
}
