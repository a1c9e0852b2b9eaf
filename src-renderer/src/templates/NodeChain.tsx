import { ChevronRight } from 'lucide-react'
import type { CSSProperties } from 'react'
import { nodeColour, nodeIcon } from '../editor/node-look'
import type { TemplateNode } from './templates'
import './templates.css'

/** A template's nodes as coloured chips in order (colour and icon per node type, as on the canvas). */
export function NodeChain({ chain }: { chain: readonly TemplateNode[] }) {
  return (
    <ol className="node-chain" aria-label="Nodes, in order">
      {chain.map((node, index) => {
        const Icon = nodeIcon(node.node_type, node.kind)
        return (
          <li key={index} className="node-chain__step">
            {index > 0 && <ChevronRight className="node-chain__arrow" size={14} aria-hidden="true" />}
            <span className="node-chip" style={{ '--chip': nodeColour(node.node_type) } as CSSProperties} title={`${node.node_type}: ${node.kind}`}>
              <Icon size={13} aria-hidden="true" />
              {node.label}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
