// Follows the window's bounds and maximised state and writes them (debounced,
// one write at a time) to the window-state file; flush() writes the last
// state before quit.
import type { Logger } from '../log'
import { saveWindowState, type WindowState } from './window-state'

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/** The parts of a BrowserWindow this needs (a plain interface, so tests need no Electron). */
export interface StatefulWindow {
  getNormalBounds(): Bounds
  isMaximized(): boolean
  isDestroyed(): boolean
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
}

const SAVE_DELAY_MS = 500

export class WindowStateKeeper {
  private latest: WindowState | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  track(window: StatefulWindow): void {
    const capture = (): void => {
      if (window.isDestroyed()) return
      // Normal bounds: what the window returns to when un-maximised.
      const { x, y, width, height } = window.getNormalBounds()
      this.latest = { x, y, width, height, maximized: window.isMaximized() }
      this.schedule()
    }
    for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'close'] as const) window.on(event, capture)
  }

  /** Writes the newest state now (and waits for any write in progress). */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    return this.write()
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.write()
    }, SAVE_DELAY_MS)
  }

  private write(): Promise<void> {
    const state = this.latest
    this.latest = null
    if (state !== null) {
      this.writing = this.writing.then(() =>
        saveWindowState(this.file, state).catch((error: unknown) => {
          this.log.warn(`could not save the window state: ${error instanceof Error ? error.message : String(error)}`)
        }),
      )
    }
    return this.writing
  }
}
