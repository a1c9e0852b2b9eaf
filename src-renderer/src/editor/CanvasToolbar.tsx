import { Panel } from '@xyflow/react'
import { ClipboardPaste, Copy, CopyPlus, Network, Redo2, Trash2, Undo2 } from 'lucide-react'
import { useStore } from 'zustand'
import { useEditor, useEditorServices } from './EditorContext'

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+'

/** Edit actions over the canvas; each also has a keyboard shortcut, named in its tooltip. */
export function CanvasToolbar() {
  const { store, commands } = useEditorServices()
  const canUndo = useStore(store.temporal, (state) => state.pastStates.length > 0)
  const canRedo = useStore(store.temporal, (state) => state.futureStates.length > 0)
  const hasSelection = useEditor((state) => state.selectedNodes.length + state.selectedEdges.length > 0)
  const hasNodes = useEditor((state) => (state.doc?.nodes.length ?? 0) > 0)
  const tools = [
    { label: 'Undo', keys: `${mod}Z`, icon: Undo2, run: commands.undo, enabled: canUndo },
    { label: 'Redo', keys: `${mod}Shift+Z`, icon: Redo2, run: commands.redo, enabled: canRedo },
    { label: 'Auto-layout', keys: `${mod}Shift+L`, icon: Network, run: commands.layout, enabled: hasNodes },
    { label: 'Duplicate', keys: `${mod}D`, icon: CopyPlus, run: commands.duplicate, enabled: hasSelection },
    { label: 'Copy', keys: `${mod}C`, icon: Copy, run: commands.copy, enabled: hasSelection },
    { label: 'Paste', keys: `${mod}V`, icon: ClipboardPaste, run: commands.paste, enabled: true },
    { label: 'Delete', keys: 'Delete', icon: Trash2, run: commands.deleteSelection, enabled: hasSelection },
  ]
  return (
    <Panel position="top-right" className="canvas-toolbar" aria-label="Edit">
      {tools.map(({ label, keys, icon: Icon, run, enabled }) => (
        <button key={label} type="button" className="icon-button" aria-label={label} title={`${label} (${keys})`} disabled={!enabled} onClick={() => run()}>
          <Icon size={15} aria-hidden="true" />
        </button>
      ))}
    </Panel>
  )
}
