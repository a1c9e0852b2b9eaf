import type { FlowNode } from '../../../src-main/contract/api'
import { configuredWorkingDir } from './executor-node'

interface ExecutorNodeItemProps {
  node: FlowNode
  selected: boolean
  onSelect: (id: string) => void
}

/** One executor node; choosing it opens its chat. */
export function ExecutorNodeItem({ node, selected, onSelect }: ExecutorNodeItemProps) {
  const workingDir = configuredWorkingDir(node)
  return (
    <button
      type="button"
      className="executor-item"
      aria-current={selected ? 'true' : undefined}
      data-testid="executor-node"
      data-node-id={node.id}
      onClick={() => onSelect(node.id)}
    >
      <span className="executor-item__label">{node.label || node.id}</span>
      <span className="executor-item__meta">
        {node.kind}
        {workingDir !== null && (
          <>
            {' · '}
            <code>{workingDir}</code>
          </>
        )}
      </span>
    </button>
  )
}
