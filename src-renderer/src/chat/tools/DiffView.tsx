import { useMemo } from 'react'
import { fileChange } from './edit-diff'
import './tools.css'
import type { ToolInput } from './tool-input'

/** What an Edit, MultiEdit or Write call changes in its file, line by line. */
export function DiffView({ tool, input }: { tool: string; input: ToolInput }) {
  const change = useMemo(() => fileChange(tool, input), [tool, input])
  return (
    <div className="diff" data-testid="tool-diff">
      <p className="diff__counts">
        <span className="diff__added">+{change.added}</span> <span className="diff__removed">−{change.removed}</span>
      </p>
      <pre className="diff__lines">
        {change.lines.map((line, index) => (
          <span key={index} className={`diff__line diff__line--${line.kind}`} data-kind={line.kind}>
            <span className="diff__mark" aria-hidden="true">
              {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
            </span>
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  )
}
