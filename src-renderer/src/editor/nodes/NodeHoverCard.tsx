import { NodeToolbar, Position } from '@xyflow/react'
import { RUN_STATE_LABELS, type NodeRunState } from '../../runs/node-states'
import { outputExcerpt } from '../../runs/run-format'

interface NodeHoverCardProps {
  id: string
  state: NodeRunState | undefined
  duration: string | null
  output: string | null
  hoverProps: { onMouseEnter(): void; onMouseLeave(): void }
}

/** A glance at how a node fared in the latest run: its state, how long it took and the first lines of its output. */
export function NodeHoverCard({ id, state, duration, output, hoverProps }: NodeHoverCardProps) {
  // Mounted only while open: a toolbar follows every pan and zoom of the canvas.
  return (
    <NodeToolbar isVisible position={Position.Top} offset={8} className="node-hover" role="tooltip" id={id} data-testid="node-hover-card" {...hoverProps}>
      <div className="node-hover__head">
        {state ? <span className={`node-hover__state node-card__state--${state}`}>{RUN_STATE_LABELS[state]}</span> : <span className="node-hover__state">Not in the latest run</span>}
        {duration && <span className="node-hover__duration">{duration}</span>}
      </div>
      {output === null ? <p className="node-hover__none">No output yet.</p> : <pre className="node-hover__output">{output.trim() === '' ? '(empty)' : outputExcerpt(output)}</pre>}
    </NodeToolbar>
  )
}
