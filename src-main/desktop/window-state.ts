// The window's size, position and maximised state, kept in one small JSON
// file in the data dir (written atomically) so the next start restores it.
import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../storage/atomic-file'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

const MIN_SIZE = 200
const MAX_SIZE = 100_000

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/** A saved state, or the default when the file is missing or unreadable. */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')) as unknown) ?? DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y, width, height, maximized } = value as Record<string, unknown>
  if (!isInt(width, MIN_SIZE, MAX_SIZE) || !isInt(height, MIN_SIZE, MAX_SIZE)) return null
  const state: WindowState = { width, height, maximized: maximized === true }
  // A position only counts as a pair; without one the window is centred.
  if (isInt(x, -MAX_SIZE, MAX_SIZE) && isInt(y, -MAX_SIZE, MAX_SIZE)) {
    state.x = x
    state.y = y
  }
  return state
}

export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`)
}

interface Area {
  x: number
  y: number
  width: number
  height: number
}

/** Keeps a saved position only if enough of the window lands on a screen there now (a monitor may be gone). */
export function placeOnScreen(state: WindowState, screens: readonly Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const visible = screens.some(
    (area) =>
      x + 100 <= area.x + area.width && x + state.width - 100 >= area.x && y >= area.y - 10 && y + 50 <= area.y + area.height,
  )
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized }
}
