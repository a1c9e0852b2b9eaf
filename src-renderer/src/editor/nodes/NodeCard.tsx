import { Handle, Position, type NodeProps } from '@xyflow/react'
import { AlertTriangle } from 'lucide-react'
import { memo } from 'react'
import { nodeColour, nodeIcon } from '../node-look'
import type { CanvasNode } from '../canvas-nodes'

const RUN_STATE_LABELS = { running: 'Running', waiting: 'Waiting for approval', done: 'Done', failed: 'Failed', skipped: 'Skipped' } as const

/** A node on the canvas: type colour and icon, label, kind, a one-line summary, problems and run state. */
function NodeCardView({ data, selected }: NodeProps<CanvasNode>) {
  const { node, summary, problems, runState, lastOutput } = data
  const Icon = nodeIcon(node.node_type, node.kind)
  const takesInput = node.node_type !== 'trigger'
  const givesOutput = node.node_type !== 'sink'
  return (
    <div
      className={`node-card${selected ? ' node-card--selected' : ''}${runState ? ` node-card--${runState}` : ''}`}
      style={{ '--type-colour': nodeColour(node.node_type) } as React.CSSProperties}
      data-testid="canvas-node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-run-state={runState ?? ''}
      title={lastOutput ? `Last output:\n${lastOutput.slice(0, 600)}` : undefined}
    >
      {takesInput && <Handle type="target" position={Position.Left} className="node-card__handle" title={`Input of ${node.label}`} />}
      <div className="node-card__head">
        <span className="node-card__icon" aria-hidden="true">
          <Icon size={15} />
        </span>
        <span className="node-card__label">{node.label || node.kind}</span>
        {problems.length > 0 && (
          <span className="node-card__problems" data-testid="node-problems" title={problems.join('\n')} aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`}>
            <AlertTriangle size={13} aria-hidden="true" />
            {problems.length}
          </span>
        )}
      </div>
      <div className="node-card__kind">
        <span className="node-card__type">
          {node.node_type} · {node.kind}
        </span>
        {runState && <span className={`node-card__state node-card__state--${runState}`}>{RUN_STATE_LABELS[runState]}</span>}
      </div>
      <div className="node-card__summary">{summary || '\u00a0'}</div>
      {givesOutput && <Handle type="source" position={Position.Right} className="node-card__handle" title={`Output of ${node.label}`} />}
    </div>
  )
}

export const NodeCard = memo(NodeCardView)

// One component per node type, as React Flow looks them up by `type`; they share the card.
export const nodeTypes = { trigger: NodeCard, source: NodeCard, filter: NodeCard, executor: NodeCard, sink: NodeCard }
