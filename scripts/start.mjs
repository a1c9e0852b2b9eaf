#!/usr/bin/env node
// `npm start`: build, then open the desktop app in Electron. Where Electron
// cannot run (its binary was never downloaded, or there is no display) the same
// backend starts headless and prints the URL to open in a browser.
// Extra arguments go to the headless server, e.g. `npm start -- --port 9000`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// SHOGGOTH_NO_BUILD=1 starts what is already in out/ (a quicker restart).
if (process.env.SHOGGOTH_NO_BUILD !== '1') {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Find the binary the way the electron package does (path.txt names it inside
// dist/), without loading the package: loading it tries a download and, when
// that fails, prints advice that does not fit this case.
function electronBinary() {
  let packageDir
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (name === '' || !existsSync(join(dist, name))) return { reason: "Electron's binary is not downloaded on this machine" }
  return { path: join(dist, name) }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
const electron = electronBinary()
const args = process.argv.slice(2)
const command = electron.path && hasDisplay ? [electron.path, '.', ...args] : [process.execPath, 'out/main/serve.js', ...args]
if (!(electron.path && hasDisplay)) {
  const why = electron.path ? 'there is no display' : electron.reason
  process.stderr.write(`No desktop window: ${why}. Running headless instead; open the "Open the app" link below in a browser.\n`)
}

// The child gets its own process group, so a Ctrl-C in the terminal reaches
// only us and we pass it on exactly once. (Otherwise it gets the terminal's
// SIGINT and ours, and the second one skips the graceful shutdown.)
const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], detached: true })

// npm also forwards the terminal's SIGINT to us: the same keypress arrives
// twice within a few milliseconds. A second Ctrl-C by hand (to force) comes later.
const SAME_KEYPRESS_MS = 500
let lastSignalAt = 0
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const now = Date.now()
    if (now - lastSignalAt < SAME_KEYPRESS_MS) return
    lastSignalAt = now
    child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal)
  })
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
