import { useState } from 'react'
import { CopyButton } from '../../ui/CopyButton'
import { headLines } from './tool-input'

// Long outputs (whole files, big listings) show their head; the rest is one click away.
const HEAD_LINES = 40

interface ToolOutputProps {
  text: string
  /** Shown instead of an empty output. */
  empty?: string
  error?: boolean
  label?: string
  testId?: string
}

/** A tool's output in monospace: its head, "show all", and a copy button. */
export function ToolOutput({ text, empty = '(no output)', error = false, label = 'Copy output', testId = 'chat-tool-result' }: ToolOutputProps) {
  const [all, setAll] = useState(false)
  const { shown, hidden } = all ? { shown: text, hidden: 0 } : headLines(text, HEAD_LINES)
  return (
    <div className={`tool-output${error ? ' tool-output--error' : ''}`}>
      <pre className="tool-output__text" data-testid={testId}>
        {text === '' ? empty : shown}
      </pre>
      {text !== '' && <CopyButton className="tool-output__copy" label={label} text={() => text} />}
      {hidden > 0 && (
        <button type="button" className="link-button tool-output__more" onClick={() => setAll(true)}>
          Show all ({hidden} more {hidden === 1 ? 'line' : 'lines'})
        </button>
      )}
    </div>
  )
}
