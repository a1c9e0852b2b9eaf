import { Bot, CircleAlert, Filter, Send, Zap, Database, type LucideIcon } from 'lucide-react'
import type { CSSProperties } from 'react'
import type { FlowNode, NodeKind, NodeType } from '../../../src-main/contract/api'

const ICONS: Record<NodeType, LucideIcon> = { trigger: Zap, source: Database, filter: Filter, executor: Bot, sink: Send }

/** What this node is: its kind's name, the kind id and its node type in the type's colour. */
export function NodeHeader({ node, kind }: { node: FlowNode; kind: NodeKind | undefined }) {
  const Icon = ICONS[node.node_type]
  return (
    <header className="pp-header" style={{ '--pp-type': `var(--node-${node.node_type})` } as CSSProperties}>
      <span className="pp-header__icon" aria-hidden="true">
        <Icon size={16} />
      </span>
      <div className="pp-header__text">
        <h2 className="pp-header__title">{kind?.label ?? node.kind}</h2>
        <p className="pp-header__meta">
          <span className="pp-type-badge">{node.node_type}</span> <code>{node.kind}</code>
        </p>
      </div>
      {!kind && node.node_type !== 'executor' && (
        <p className="pp-header__unknown">
          <CircleAlert size={13} aria-hidden="true" /> Not in the node catalogue: its stored fields are shown as they are.
        </p>
      )}
    </header>
  )
}
