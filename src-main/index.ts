// Electron entry: one window on the renderer served by the in-process backend.
// Everything else lives in plain Node modules (backend.ts, desktop/) so it also
// runs headless and under tests; this file is only window, IPC and quit glue.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, ipcMain, Menu, Notification, powerMonitor, screen, shell, type IpcMainInvokeEvent } from 'electron'
import { startBackend, type Backend } from './backend'
import { resolveSettings } from './config'
import { CONNECTION_CHANNEL, NOTIFY_CHANNEL, NOTIFY_CLICKED_CHANNEL, type Connection } from './contract/bridge'
import { isAppUrl, isExternalLink } from './desktop/links'
import { menuTemplate } from './desktop/menu'
import { parseNotifyRequest } from './desktop/notify'
import { createQuitGate } from './desktop/quit'
import { WindowStateKeeper } from './desktop/window-keeper'
import { loadWindowState, placeOnScreen } from './desktop/window-state'
import { loadDotEnv } from './dotenv'
import { createLogger } from './log'

// Longest wait for the backend to stop on quit; then leftover claude groups are killed.
const QUIT_TIMEOUT_MS = 10_000

const here = fileURLToPath(new URL('.', import.meta.url))
loadDotEnv(process.cwd(), process.env)
const settings = resolveSettings([], process.env)
if (settings === null) throw new Error('unreachable: no --help in the desktop app')
const log = createLogger(settings.logLevel)

if (!app.requestSingleInstanceLock()) {
  // Another copy runs; Electron tells it (second-instance) and it shows its window.
  app.quit()
} else {
  runApp()
}

function runApp(): void {
  let mainWindow: BrowserWindow | null = null
  const stateFile = join(settings!.dataDir, 'window-state.json')
  const windowState = new WindowStateKeeper(stateFile, log)
  const starting = startOnFreePortIfTaken()

  const gate = createQuitGate({
    stop: async () => {
      // Scheduler first, then every claude child, then the pending writes (backend.close);
      // not after the window's place is saved, so no cron flow starts while that is written.
      const closing = starting.then((backend) => backend.close(), () => undefined)
      await Promise.all([windowState.flush(), closing])
    },
    quitAgain: () => app.quit(),
    timeoutMs: QUIT_TIMEOUT_MS,
    onTimeout: () => {
      log.warn(`the backend did not stop within ${QUIT_TIMEOUT_MS / 1000} s; ending its claude processes`)
      // Every tagged process goes, not only claude's own groups: the Bash tool starts sessions of its own.
      void starting.then((backend) => {
        backend.launcher.pids().forEach(killGroup)
        return backend.launcher.forceEndAll()
      })
    },
  })
  app.on('before-quit', (event) => gate.beforeQuit(event))

  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) bringToFront(mainWindow)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.whenReady().then(async () => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.name)))
    const running = await starting
    // The window opens while stored data loads; if it cannot be, the API answers 503 with the reason and the UI shows it.
    running.ready.catch((error: unknown) => log.error(`could not load the data directory: ${error instanceof Error ? error.message : String(error)}`))
    handleIpc(running)
    // Timers stop while the machine sleeps: look at the cron triggers again on waking.
    powerMonitor.on('resume', () => running.scheduler.recheckDue())
    const open = async (): Promise<void> => {
      mainWindow = await openWindow(running, stateFile, windowState)
    }
    await open()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void open()
    })
  }).catch((error: unknown) => {
    log.error(`could not start: ${error instanceof Error ? error.message : String(error)}`)
    app.exit(1)
  })
}

async function startOnFreePortIfTaken(): Promise<Backend> {
  try {
    return await startBackend({ ...settings!, log, returnWhenListening: true })
  } catch (error) {
    // A second copy (or `serve`) may hold the usual port; the window can use any.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    log.warn(`port ${settings!.port} is taken; using a free port`)
    return startBackend({ ...settings!, port: 0, log, returnWhenListening: true })
  }
}

function handleIpc(running: Backend): void {
  // Only our own page may ask: a navigation elsewhere is blocked anyway, this is the second lock.
  const fromApp = (event: IpcMainInvokeEvent): boolean => isAppUrl(event.senderFrame?.url ?? '', running.url)
  ipcMain.handle(CONNECTION_CHANNEL, (event): Connection | null =>
    fromApp(event) ? { apiBase: running.url, token: running.token?.value ?? null } : null,
  )
  // A notification nothing refers to may be collected before it is clicked, and the click is lost.
  const showing = new Set<Notification>()
  ipcMain.handle(NOTIFY_CHANNEL, (event, payload: unknown): boolean => {
    const request = parseNotifyRequest(payload)
    if (!fromApp(event) || request === null || !Notification.isSupported()) return false
    const notification = new Notification({ title: request.title, body: request.body ?? '' })
    const { clickId } = request
    if (clickId !== undefined) {
      showing.add(notification)
      // 'close' does not come on every platform: the oldest few hundred go anyway.
      if (showing.size > 200) showing.delete(showing.values().next().value!)
      notification.on('close', () => showing.delete(notification))
      notification.on('click', () => {
        showing.delete(notification)
        const window = BrowserWindow.fromWebContents(event.sender)
        if (!window || window.isDestroyed()) return
        bringToFront(window)
        event.sender.send(NOTIFY_CLICKED_CHANNEL, clickId)
      })
    }
    notification.show()
    return true
  })
}

function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

async function openWindow(running: Backend, stateFile: string, windowState: WindowStateKeeper): Promise<BrowserWindow> {
  const saved = placeOnScreen(
    await loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow({
    ...(saved.x === undefined ? {} : { x: saved.x, y: saved.y }),
    width: saved.width,
    height: saved.height,
    title: 'Shoggoth',
    backgroundColor: '#111318',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  })
  if (saved.maximized) window.maximize()
  windowState.track(window)
  // Only our own pages load in the window; web links open in the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, running.url)) return
    event.preventDefault()
    if (isExternalLink(url)) void shell.openExternal(url)
  })
  // Not awaited: the window counts (e.g. for second-instance focus) while it loads.
  window.loadURL(`${running.url}/app/`).catch((error: unknown) => {
    log.error(`the window could not load the app: ${error instanceof Error ? error.message : String(error)}`)
  })
  return window
}

/** The claude children lead their own process groups: end each whole group. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}
