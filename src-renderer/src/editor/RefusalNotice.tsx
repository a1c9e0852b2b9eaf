import { X } from 'lucide-react'
import { useEffect } from 'react'
import { useEditor, useEditorServices } from './EditorContext'

const SHOW_MS = 6000

/** Why an edge cannot be drawn: live while dragging over a handle, and after a refused drop. */
export function RefusalNotice({ hint }: { hint: string | null }) {
  const { store } = useEditorServices()
  const refusal = useEditor((state) => state.refusal)
  useEffect(() => {
    if (!refusal) return
    const timer = setTimeout(() => store.getState().dismissRefusal(), SHOW_MS)
    return () => clearTimeout(timer)
  }, [refusal, store])
  const text = hint ?? refusal
  if (!text) return null
  return (
    <div className="refusal" role="status" aria-live="polite" data-testid="edge-refusal">
      <span>Can’t connect: {text}</span>
      {!hint && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => store.getState().dismissRefusal()}>
          <X size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  )
}
