import { useEffect, useRef, useState } from 'react'
import { Check, Copy } from 'lucide-react'

interface CopyButtonProps {
  /** The text to copy, read when clicked (so a growing text is copied as it is then). */
  text: () => string
  label: string
  className?: string
}

/** A small icon button that copies text and says so for a moment. */
export function CopyButton({ text, label, className = '' }: CopyButtonProps) {
  const [copied, setCopied] = useState(false)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const copy = (): void => {
    void navigator.clipboard?.writeText(text()).then(() => {
      setCopied(true)
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => setCopied(false), 1_500)
    }, () => undefined)
  }
  return (
    <button type="button" className={`icon-button ${className}`} aria-label={copied ? 'Copied' : label} title={label} onClick={copy}>
      {copied ? <Check size={13} aria-hidden="true" /> : <Copy size={13} aria-hidden="true" />}
    </button>
  )
}
