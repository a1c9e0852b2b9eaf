#!/usr/bin/env node
// `npm start`: build, then open the desktop app in Electron. Where Electron
// cannot run (its binary cannot be downloaded, or there is no display) the same
// backend starts headless and prints the URL to open in a browser.
// Extra arguments go to the headless server, e.g. `npm start -- --port 9000`.
import { spawn, spawnSync } from 'node:child_process'

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
if (build.status !== 0) process.exit(build.status ?? 1)

// Loading the electron package yields its binary's path, downloading the
// binary on first use. Probe in a child so a failed download stays quiet.
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write("\\n" + require("electron"))'], {
    encoding: 'utf8',
    timeout: 300_000,
  })
  if (probe.status === 0) return { path: probe.stdout.split('\n').at(-1) }
  const lines = `${probe.stderr}`.split('\n').filter((line) => /Error:/.test(line))
  return { reason: lines.at(-1)?.replace(/^.*Error: /, '') ?? 'the electron package did not load' }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
const electron = electronBinary()
const args = process.argv.slice(2)

let child
if (electron.path && hasDisplay) {
  child = spawn(electron.path, ['.', ...args], { stdio: 'inherit' })
} else {
  const why = electron.path ? 'no display' : electron.reason
  process.stderr.write(`Electron cannot open a window here (${why}); starting the headless server instead.\n`)
  child = spawn(process.execPath, ['out/main/serve.js', ...args], { stdio: 'inherit' })
}
// Ctrl-C reaches the child through the terminal; mirror its exit.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
