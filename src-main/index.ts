// Electron entry: one window on the renderer served by the in-process backend.
// Everything else lives in plain Node modules (backend.ts) so it also runs
// headless; this file is only window, IPC and quit glue.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, ipcMain, shell } from 'electron'
import { startBackend, type Backend } from './backend'
import { resolveSettings } from './config'
import type { Connection } from './contract/bridge'
import { CONNECTION_CHANNEL } from './contract/bridge'
import { loadDotEnv } from './dotenv'
import { createLogger } from './log'

const here = fileURLToPath(new URL('.', import.meta.url))
loadDotEnv(process.cwd(), process.env)
const settings = resolveSettings([], process.env)
if (settings === null) throw new Error('unreachable: no --help in the desktop app')
const log = createLogger(settings.logLevel)

let backend: Backend | null = null

async function startOnFreePortIfTaken(): Promise<Backend> {
  try {
    return await startBackend({ ...settings!, log })
  } catch (error) {
    // A second copy (or `serve`) may hold the usual port; the window can use any.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    log.warn(`port ${settings!.port} is taken; using a free port`)
    return startBackend({ ...settings!, port: 0, log })
  }
}

function openWindow(running: Backend): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Shoggoth',
    backgroundColor: '#111318',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  })
  // Only our own pages load in the window; other links open in the browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(running.url)) {
      event.preventDefault()
      void shell.openExternal(url)
    }
  })
  void window.loadURL(`${running.url}/app/`)
}

app.whenReady().then(async () => {
  const running = await startOnFreePortIfTaken()
  backend = running
  ipcMain.handle(CONNECTION_CHANNEL, (): Connection => ({ apiBase: running.url, token: running.token?.value ?? null }))
  openWindow(running)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(running)
  })
}, (error: unknown) => {
  log.error(`could not start: ${error instanceof Error ? error.message : String(error)}`)
  app.exit(1)
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Quit waits for the backend: in-flight writes finish and children are ended.
let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !backend) return
  event.preventDefault()
  quitting = true
  backend.close().finally(() => app.quit())
})
