import { useEffect, useRef, type ReactNode } from 'react'
import './ui.css'

/** A modal dialog on the native <dialog>: focus is trapped, Escape closes it. */
export function Dialog({ open, title, onClose, children, testId, wide = false }: { open: boolean; title: string; onClose: () => void; children: ReactNode; testId: string; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-label={title} data-testid={testId} onClose={onClose} onClick={(event) => event.target === ref.current && onClose()}>
      {open && (
        <div className="dialog__body">
          <h2 className="dialog__title">{title}</h2>
          {children}
        </div>
      )}
    </dialog>
  )
}
