import { ScrollText } from 'lucide-react'

/** The node's most recent run output: read-only, collapsible, scrolling on its own. */
export function LastOutput({ output }: { output: string | null }) {
  return (
    <details className="pp-output" open={output !== null}>
      <summary className="pp-output__summary">
        <ScrollText size={14} aria-hidden="true" /> Last output
      </summary>
      {output === null ? (
        <p className="pp-hint">No output yet: run the flow to see what this node produced.</p>
      ) : (
        <pre className="pp-output__text" tabIndex={0} aria-label="Last output of this node" data-testid="node-last-output">
          {output === '' ? '(empty)' : output}
        </pre>
      )}
    </details>
  )
}
