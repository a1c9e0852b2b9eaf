import { Check, Copy } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import './settings.css'

interface CopyFieldProps {
  label: string
  value: string
  /** Shown instead of the value until revealed (text with the token masked); Copy always copies `value`. */
  masked?: string
  mono?: boolean
  testId: string
}

/** A read-only value with a Copy button; where the clipboard is refused, the text is selected for Ctrl+C. */
export function CopyField({ label, value, masked, mono = true, testId }: CopyFieldProps) {
  const id = useId()
  const field = useRef<HTMLInputElement>(null)
  const [revealed, setRevealed] = useState(masked === undefined)
  const [note, setNote] = useState<string | null>(null)

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value)
      setNote('Copied')
    } catch {
      setRevealed(true)
      // Selection needs the real text in the box, so reveal first, then select after the render.
      requestAnimationFrame(() => field.current?.select())
      setNote('Press Ctrl+C to copy')
    }
    window.setTimeout(() => setNote(null), 2500)
  }

  return (
    <div className="copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input ref={field} id={id} className={mono ? 'copy-field__value copy-field__value--mono' : 'copy-field__value'} readOnly value={revealed ? value : masked} onFocus={(event) => event.target.select()} data-testid={testId} />
        {masked !== undefined && (
          <button type="button" className="button button--small" aria-label={`${revealed ? "Hide" : "Show"} ${label.toLowerCase()}`} onClick={() => setRevealed(!revealed)}>
            {revealed ? 'Hide' : 'Show'}
          </button>
        )}
        <button type="button" className="button button--small copy-field__copy" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`} data-testid={`${testId}-copy`}>
          {note === 'Copied' ? <Check size={13} aria-hidden="true" /> : <Copy size={13} aria-hidden="true" />} Copy
        </button>
      </div>
      <span className="copy-field__note" aria-live="polite">
        {note}
      </span>
    </div>
  )
}
