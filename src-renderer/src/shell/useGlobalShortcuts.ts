import { useEffect } from 'react'
import { isTextTarget } from '../editor/useEditorShortcuts'
import type { PanelName } from './panels'
import { useShell } from './store'

/** Which panel a key toggles, as in VS Code: Ctrl+B sidebar, Ctrl+J bottom panel, Ctrl+Alt+B the other side. */
function panelKey(event: KeyboardEvent): PanelName | null {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey) return null
  // By key position: Alt+B types another letter on a Mac.
  if (event.code === 'KeyB') return event.altKey ? 'properties' : 'sidebar'
  if (event.code === 'KeyJ' && !event.altKey) return 'bottom'
  return null
}

/** Ctrl+K search, Ctrl+N new flow, Ctrl+Enter run, the panel toggles, ? for the shortcut list. */
export function useGlobalShortcuts(togglePanel: (name: PanelName) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shell = useShell.getState()
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      const panel = panelKey(event)
      if (panel) {
        event.preventDefault()
        togglePanel(panel)
      } else if (mod && key === 'k') {
        event.preventDefault()
        shell.setPaletteOpen(!shell.paletteOpen)
      } else if (mod && key === 'n' && !event.shiftKey) {
        event.preventDefault()
        shell.setNewFlowOpen(true)
      } else if (mod && key === 'enter') {
        // The Run button does the checking; a shortcut should not skip it.
        const run = document.querySelector<HTMLButtonElement>('[data-testid="run-flow"]')
        if (run && !run.disabled) {
          event.preventDefault()
          run.click()
        }
      } else if (event.key === '?' && !mod && !isTextTarget(event.target)) {
        event.preventDefault()
        shell.setHelpOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [togglePanel])
}
