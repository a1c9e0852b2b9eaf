import { Dialog } from '../ui/Dialog'
import { useShell } from './store'

const SHORTCUTS: [string, string][] = [
  ['Ctrl+K', 'Search flows and commands'],
  ['Ctrl+N', 'New flow'],
  ['Ctrl+Enter', 'Run the open flow'],
  ['Ctrl+B', 'Show or hide the sidebar'],
  ['Ctrl+J', 'Show or hide the bottom panel'],
  ['Ctrl+Alt+B', 'Show or hide the properties'],
  ['Delete / Backspace', 'Delete the selected nodes and edges'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['Ctrl+C / Ctrl+X / Ctrl+V', 'Copy, cut and paste nodes (also into another flow)'],
  ['Ctrl+D', 'Duplicate the selected nodes'],
  ['Ctrl+A', 'Select every node'],
  ['Ctrl+Shift+L', 'Auto-layout left to right'],
  ['Shift+drag', 'Select several nodes with a box'],
  ['?', 'This list'],
]

/** The keyboard shortcuts, on `?`. On a Mac, Cmd stands for Ctrl. */
export function ShortcutHelp() {
  const open = useShell((state) => state.helpOpen)
  const setOpen = useShell((state) => state.setHelpOpen)
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)} testId="shortcut-help">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field__hint">On a Mac, ⌘ works wherever Ctrl is named.</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
