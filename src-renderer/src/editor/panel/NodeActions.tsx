import { CopyPlus, MessageSquare, Trash2 } from 'lucide-react'
import type { FlowNode } from '../../../../src-main/contract/api'
import { useShell } from '../../shell/store'
import { useEditorServices } from '../EditorContext'

/** Under the form: duplicate or delete the node; talk to an executor. */
export function NodeActions({ node, flowId }: { node: FlowNode; flowId: string }) {
  const { commands } = useEditorServices()
  const chatWith = useShell((state) => state.chatWith)
  return (
    <div className="properties-pane__actions">
      {node.node_type === 'executor' && (
        <button type="button" className="button button--small" onClick={() => chatWith(flowId, node.id)} data-testid="chat-with-node">
          <MessageSquare size={14} aria-hidden="true" /> Chat
        </button>
      )}
      <button type="button" className="button button--small" onClick={() => commands.duplicate()}>
        <CopyPlus size={14} aria-hidden="true" /> Duplicate
      </button>
      <button type="button" className="button button--small button--danger" onClick={() => commands.deleteSelection()} data-testid="delete-node">
        <Trash2 size={14} aria-hidden="true" /> Delete
      </button>
    </div>
  )
}
