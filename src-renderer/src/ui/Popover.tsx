import { useEffect, useRef, type ReactNode } from 'react'

/** A panel under its anchor that closes on Escape or a click elsewhere. */
export function Popover({ open, onClose, children, label, testId }: { open: boolean; onClose: () => void; children: ReactNode; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose()
    const onPointer = (event: PointerEvent) => {
      const anchor = ref.current?.parentElement
      if (anchor && !anchor.contains(event.target as Node)) onClose()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onPointer)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pointerdown', onPointer)
    }
  }, [open, onClose])
  if (!open) return null
  return (
    <div ref={ref} className="popover" role="dialog" aria-label={label} data-testid={testId}>
      {children}
    </div>
  )
}
