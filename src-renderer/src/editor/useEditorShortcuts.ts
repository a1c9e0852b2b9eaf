import { useEffect } from 'react'
import type { EditorCommands } from './commands'

/** Typing in a field keeps the field's own undo, copy and paste. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Undo/redo, copy/cut/paste, duplicate, select all and auto-layout while a flow is open. */
export function useEditorShortcuts(commands: EditorCommands, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextTarget(event.target)) return
      // Selected text on the page (a log line, say) is copied as text, not as nodes.
      if (window.getSelection()?.toString()) return
      const key = event.key.toLowerCase()
      const run = (action: () => unknown) => {
        event.preventDefault()
        action()
      }
      if (key === 'z' && event.shiftKey) run(commands.redo)
      else if (key === 'z') run(commands.undo)
      else if (key === 'y') run(commands.redo)
      else if (key === 'c' && !event.shiftKey) commands.copy() && event.preventDefault()
      else if (key === 'x') commands.cut() && event.preventDefault()
      else if (key === 'v') commands.paste() && event.preventDefault()
      else if (key === 'd') run(commands.duplicate)
      else if (key === 'a') run(commands.selectAll)
      else if (key === 'l' && event.shiftKey) run(commands.layout)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [commands, enabled])
}
