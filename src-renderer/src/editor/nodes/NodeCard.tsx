import { Handle, Position, type NodeProps } from '@xyflow/react'
import { AlertTriangle } from 'lucide-react'
import { memo } from 'react'
import { RUN_STATE_LABELS } from '../../runs/node-states'
import { nodeColour, nodeIcon } from '../node-look'
import type { CanvasNode } from '../canvas-nodes'
import { NodeHoverCard } from './NodeHoverCard'
import { useHoverCard } from './useHoverCard'

/** A node on the canvas: type colour and icon, label, kind, a one-line summary, problems and run state; its latest run on hover. */
function NodeCardView({ data, selected, dragging }: NodeProps<CanvasNode>) {
  const { node, summary, problems, runState, runDuration, lastOutput } = data
  const hoverCardId = `node-hover-${node.id}`
  const hover = useHoverCard(hoverCardId)
  const showHoverCard = hover.open && !dragging && (runState !== undefined || lastOutput !== null)
  const Icon = nodeIcon(node.node_type, node.kind)
  const takesInput = node.node_type !== 'trigger'
  const givesOutput = node.node_type !== 'sink'
  return (
    <div
      ref={hover.anchor}
      className={`node-card${selected ? ' node-card--selected' : ''}${runState ? ` node-card--${runState}` : ''}`}
      style={{ '--type-colour': nodeColour(node.node_type) } as React.CSSProperties}
      data-testid="canvas-node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-run-state={runState ?? ''}
      {...hover.hoverProps}
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
      {showHoverCard && <NodeHoverCard id={hoverCardId} state={runState} duration={runDuration} output={lastOutput} hoverProps={hover.hoverProps} />}
    </div>
  )
}

export const NodeCard = memo(NodeCardView)

// One component per node type, as React Flow looks them up by `type`; they share the card.
export const nodeTypes = { trigger: NodeCard, source: NodeCard, filter: NodeCard, executor: NodeCard, sink: NodeCard }
