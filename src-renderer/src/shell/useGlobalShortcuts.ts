import { useEffect } from 'react'
import { isTextTarget } from '../editor/useEditorShortcuts'
import { useShell } from './store'

/** Ctrl+K search, Ctrl+N new flow, Ctrl+Enter run, ? for the shortcut list. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shell = useShell.getState()
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && key === 'k') {
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
  }, [])
}
