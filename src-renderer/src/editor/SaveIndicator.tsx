import { AlertCircle, Check, CloudUpload, GitCompare, Loader2 } from 'lucide-react'
import { useEditor, useEditorServices } from './EditorContext'

/** Saved / saving / failed (with retry) / conflict, always in view in the title bar. */
export function SaveIndicator() {
  const save = useEditor((state) => state.save)
  const { saves } = useEditorServices()
  const common = { className: `save-state save-state--${save.state}`, 'data-testid': 'save-state', 'data-state': save.state, role: 'status', 'aria-live': 'polite' as const }
  switch (save.state) {
    case 'saved':
      return (
        <span {...common}>
          <Check size={14} aria-hidden="true" /> Saved
        </span>
      )
    case 'pending':
    case 'saving':
      return (
        <span {...common}>
          {save.state === 'saving' ? <Loader2 size={14} className="spin" aria-hidden="true" /> : <CloudUpload size={14} aria-hidden="true" />} Saving…
        </span>
      )
    case 'failed':
      return (
        <span {...common} title={save.message}>
          <AlertCircle size={14} aria-hidden="true" /> Not saved
          <button type="button" className="link-button" onClick={() => void saves.flush()}>
            Retry
          </button>
        </span>
      )
    case 'conflict':
      return (
        <span {...common}>
          <GitCompare size={14} aria-hidden="true" /> Changed elsewhere
        </span>
      )
  }
}
