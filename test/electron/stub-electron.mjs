// A stand-in for the `electron` module (the real binary cannot be had here).
// It records what the main process does (windows and their options, IPC
// handlers, app events, menu, notifications, external links) and lets the
// test drive it over the Node IPC channel: {id, cmd, ...} in, {id, result} out.
// Plain JS: it runs in a child Node process with no TypeScript loader.
import { EventEmitter } from 'node:events'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

const record = { appEvents: [], windows: [], ipcChannels: [], menu: null, notifications: [], external: [], sent: [], log: [] }
const shownNotifications = []
const handlers = new Map()
// Also on stderr, so a test still sees the order after the process has gone.
const note = (line) => {
  record.log.push(line)
  process.stderr.write(`[stub-electron] ${line}\n`)
}

function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

// ---- app ------------------------------------------------------------------
class App extends EventEmitter {
  name = 'Shoggoth'
  #ready = false
  #readyPromise = new Promise((resolve) =>
    setImmediate(() => {
      this.#ready = true
      this.emit('ready')
      resolve()
    }),
  )

  emit(name, ...args) {
    record.appEvents.push(name)
    return super.emit(name, ...args)
  }

  whenReady() {
    return this.#readyPromise
  }

  isReady() {
    return this.#ready
  }

  // Like Electron: an exclusive lock per lock dir; a second process tells the
  // first (which emits second-instance) and gets false.
  requestSingleInstanceLock() {
    const dir = process.env.STUB_ELECTRON_LOCK_DIR
    if (!dir) return true
    mkdirSync(dir, { recursive: true })
    const lock = join(dir, 'lock')
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'))
      if (isAlive(holder)) {
        // Written aside and renamed: the first process's watcher must never
        // read a half-written note.
        const aside = join(dir, `.note-${process.pid}.tmp`)
        writeFileSync(aside, JSON.stringify({ argv: process.argv, cwd: process.cwd() }))
        renameSync(aside, join(dir, `second-${process.pid}.json`))
        return false
      }
      writeFileSync(lock, String(process.pid))
    }
    process.on('exit', () => rmSync(lock, { force: true }))
    const seen = new Set()
    watch(dir, () => {
      for (const name of readdirSync(dir)) {
        if (!name.startsWith('second-') || seen.has(name) || !existsSync(join(dir, name))) continue
        seen.add(name)
        const { argv, cwd } = JSON.parse(readFileSync(join(dir, name), 'utf8'))
        this.emit('second-instance', preventable(), argv, cwd)
      }
    }).unref()
    return true
  }

  quit() {
    note('app.quit')
    const before = preventable()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return note('quit prevented')
    for (const window of [...openWindows]) window.close()
    const willQuit = preventable()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.emit('quit', preventable(), 0)
    note('exiting')
    setImmediate(() => process.exit(0))
  }

  exit(code = 0) {
    note(`app.exit ${code}`)
    process.exit(code)
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export const app = new App()

// ---- windows --------------------------------------------------------------
const openWindows = new Set()
let nextWindowId = 1

class WebContents extends EventEmitter {
  openHandler = null
  setWindowOpenHandler(handler) {
    this.openHandler = handler
  }
  // Main → renderer messages, recorded.
  send(channel, ...args) {
    record.sent.push({ channel, args })
  }
}

export class BrowserWindow extends EventEmitter {
  #entry
  #bounds
  #maximized = false
  #minimized = false
  #destroyed = false

  constructor(options = {}) {
    super()
    this.id = nextWindowId++
    this.webContents = new WebContents()
    this.#bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 }
    this.#entry = { id: this.id, options, calls: [], loaded: null }
    record.windows.push(this.#entry)
    openWindows.add(this)
  }

  static getAllWindows() {
    return [...openWindows]
  }

  static fromWebContents(webContents) {
    return [...openWindows].find((window) => window.webContents === webContents) ?? null
  }

  async loadURL(url) {
    this.#entry.calls.push(`loadURL ${url}`)
    // Really fetch it: the test sees what the window would have shown.
    const response = await fetch(url)
    const body = await response.text()
    this.#entry.loaded = { url, status: response.status, csp: response.headers.get('content-security-policy'), hasRoot: body.includes('id="root"') }
  }

  #call(name) {
    this.#entry.calls.push(name)
  }
  getBounds() {
    return { ...this.#bounds }
  }
  getNormalBounds() {
    return { ...this.#bounds }
  }
  setBounds(bounds) {
    this.#bounds = { ...this.#bounds, ...bounds }
    this.emit('resize')
    this.emit('move')
  }
  isMaximized() {
    return this.#maximized
  }
  maximize() {
    this.#call('maximize')
    this.#maximized = true
    this.emit('maximize')
  }
  unmaximize() {
    this.#maximized = false
    this.emit('unmaximize')
  }
  isMinimized() {
    return this.#minimized
  }
  minimize() {
    this.#call('minimize')
    this.#minimized = true
  }
  restore() {
    this.#call('restore')
    this.#minimized = false
  }
  show() {
    this.#call('show')
  }
  focus() {
    this.#call('focus')
  }
  isDestroyed() {
    return this.#destroyed
  }
  close() {
    if (this.#destroyed) return
    this.emit('close', preventable())
    this.#destroyed = true
    openWindows.delete(this)
    this.emit('closed')
  }
}

// ---- the rest ---------------------------------------------------------------
export const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, handler)
    record.ipcChannels.push(channel)
  },
  removeHandler(channel) {
    handlers.delete(channel)
  },
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    record.menu = menu?.template ?? null
  },
}

export class Notification extends EventEmitter {
  static isSupported() {
    return true
  }
  constructor(options) {
    super()
    this.options = options
  }
  show() {
    record.notifications.push(this.options)
    shownNotifications.push(this)
  }
}

export const powerMonitor = new EventEmitter()

export const screen = {
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }],
}

export const shell = {
  async openExternal(url) {
    record.external.push(url)
  },
}

export default { app, BrowserWindow, ipcMain, Menu, Notification, powerMonitor, screen, shell }

// ---- the test's remote control ----------------------------------------------
const commands = {
  state: () => record,
  invoke: async ({ channel, args = [], senderUrl }) => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    // Sent from the first window's page, as the app has only one.
    return handler({ senderFrame: { url: senderUrl }, sender: [...openWindows][0]?.webContents }, ...args)
  },
  clickNotification: ({ index }) => shownNotifications[index].emit('click'),
  quit: () => app.quit(),
  resume: () => powerMonitor.emit('resume'),
  // A suspend as the app finds it on waking: the wall clock moved on, no timer ran meanwhile.
  suspend: ({ ms }) => {
    const wallClock = Date.now
    Date.now = () => wallClock() + ms
  },
  windowOpen: ({ url }) => {
    const window = [...openWindows][0]
    return window.webContents.openHandler({ url })
  },
  navigate: ({ url }) => {
    const event = preventable()
    ;[...openWindows][0].webContents.emit('will-navigate', event, url)
    return event.defaultPrevented
  },
  minimize: () => [...openWindows][0].minimize(),
  setBounds: ({ bounds, maximize }) => {
    const window = [...openWindows][0]
    window.setBounds(bounds)
    if (maximize) window.maximize()
  },
}

if (process.send) {
  process.on('message', async (message) => {
    const command = commands[message.cmd]
    try {
      const result = command ? await command(message) : undefined
      process.send({ id: message.id, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) })
    } catch (error) {
      process.send({ id: message.id, error: String(error?.message ?? error) })
    }
  })
  // The IPC channel must not keep a quitting app alive.
  process.channel?.unref()
}
