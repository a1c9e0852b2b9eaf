import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

// Long enough that sweeping the pointer across the canvas opens nothing; far quicker than a native title.
const OPEN_DELAY_MS = 300
// Time to move the pointer from the card onto its hover card without it closing.
const CLOSE_DELAY_MS = 150

interface HoverCard {
  open: boolean
  /** Put on the node card: React Flow's wrapper around it is what takes keyboard focus. */
  anchor: RefObject<HTMLDivElement | null>
  /** Put on the card and on the hover card, so moving between them keeps it open. */
  hoverProps: { onMouseEnter(): void; onMouseLeave(): void }
}

/**
 * Opens a node's hover card (element `cardId`) after a short hover or on
 * keyboard focus; closes on leave, blur, a press or Escape.
 */
export function useHoverCard(cardId: string): HoverCard {
  const [open, setOpen] = useState(false)
  const anchor = useRef<HTMLDivElement>(null)
  const timer = useRef<number | undefined>(undefined)

  const settle = useCallback((next: boolean, delayMs: number) => {
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setOpen(next), delayMs)
  }, [])

  useEffect(() => {
    const wrapper = anchor.current?.closest<HTMLElement>('.react-flow__node')
    if (!wrapper) return
    // Only keyboard focus: a click also focuses the node, and then the panel shows the output anyway.
    const onFocus = () => wrapper.matches(':focus-visible') && settle(true, 0)
    // Blurred, or pressed to select or move it: the card gives way.
    const onAway = () => settle(false, 0)
    wrapper.addEventListener('focus', onFocus)
    wrapper.addEventListener('blur', onAway)
    wrapper.addEventListener('pointerdown', onAway)
    return () => {
      wrapper.removeEventListener('focus', onFocus)
      wrapper.removeEventListener('blur', onAway)
      wrapper.removeEventListener('pointerdown', onAway)
      window.clearTimeout(timer.current)
    }
  }, [settle])

  useEffect(() => {
    if (!open) return
    // The focused node is described by its card, for screen readers.
    const wrapper = anchor.current?.closest<HTMLElement>('.react-flow__node')
    const described = wrapper?.getAttribute('aria-describedby') ?? null
    wrapper?.setAttribute('aria-describedby', [described, cardId].filter(Boolean).join(' '))
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && settle(false, 0)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      if (described === null) wrapper?.removeAttribute('aria-describedby')
      else wrapper?.setAttribute('aria-describedby', described)
    }
  }, [open, settle, cardId])

  const hoverProps = useRef({ onMouseEnter: () => settle(true, OPEN_DELAY_MS), onMouseLeave: () => settle(false, CLOSE_DELAY_MS) }).current
  return { open, anchor, hoverProps }
}
