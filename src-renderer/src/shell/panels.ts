// Which of the studio's panels show, for the layout toggles (title bar,
// Ctrl+B / Ctrl+J / Ctrl+Alt+B). The docked panels' sizes and collapsed state
// are kept by the layout itself (useDefaultLayout); this adds the size a
// collapsed panel comes back at, across reloads, and the floating properties
// of a narrow window.
import { create } from 'zustand'

export type PanelName = 'sidebar' | 'properties' | 'bottom'

export const PANEL_NAMES: readonly PanelName[] = ['sidebar', 'properties', 'bottom']

interface PanelsState {
  /** The panel is on screen (not collapsed; for narrow properties: floating over the canvas). */
  shown: Record<PanelName, boolean>
  /** Narrow windows: the flow's own settings float over the canvas though no node is selected. */
  flowDetails: boolean
  setShown(name: PanelName, shown: boolean): void
  setFlowDetails(open: boolean): void
}

export const usePanels = create<PanelsState>()((set) => ({
  shown: { sidebar: true, properties: true, bottom: true },
  flowDetails: false,
  setShown: (name, shown) => set((state) => (state.shown[name] === shown ? state : { shown: { ...state.shown, [name]: shown } })),
  setFlowDetails: (flowDetails) => set({ flowDetails }),
}))

const SIZES_KEY = 'shoggoth.panel-sizes'

/** The size (px) each panel had before it was collapsed. */
export function readOpenSizes(): Partial<Record<PanelName, number>> {
  try {
    const stored = JSON.parse(localStorage.getItem(SIZES_KEY) ?? '{}') as Record<string, unknown>
    return Object.fromEntries(PANEL_NAMES.flatMap((name) => (typeof stored[name] === 'number' && stored[name] > 0 ? [[name, stored[name]]] : [])))
  } catch {
    return {}
  }
}

export function writeOpenSizes(sizes: Partial<Record<PanelName, number>>): void {
  try {
    localStorage.setItem(SIZES_KEY, JSON.stringify(sizes))
  } catch {
    // Storage full or off: the panel comes back at its smallest size instead.
  }
}
