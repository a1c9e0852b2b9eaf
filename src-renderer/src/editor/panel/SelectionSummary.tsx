import { CopyPlus, Network, Trash2 } from 'lucide-react'
import { useEditorServices } from '../EditorContext'

/** Several nodes selected: what can be done to all of them at once. */
export function SelectionSummary({ count }: { count: number }) {
  const { commands } = useEditorServices()
  return (
    <div className="properties-pane__body selection-summary">
      <h2 className="panel-title">{count} nodes selected</h2>
      <p className="list-note">Drag any of them to move them together; copy them (Ctrl+C) to paste into another flow.</p>
      <div className="properties-pane__actions">
        <button type="button" className="button button--small" onClick={() => commands.duplicate()}>
          <CopyPlus size={14} aria-hidden="true" /> Duplicate
        </button>
        <button type="button" className="button button--small" onClick={() => commands.layout()}>
          <Network size={14} aria-hidden="true" /> Auto-layout
        </button>
        <button type="button" className="button button--small button--danger" onClick={() => commands.deleteSelection()}>
          <Trash2 size={14} aria-hidden="true" /> Delete
        </button>
      </div>
    </div>
  )
}
