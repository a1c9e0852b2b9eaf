import { useEditor, selectNodes } from '../editor/EditorContext'
import { useShell } from '../shell/store'
import { ChatPanel } from './ChatPanel'

/** The Chat tab: pick an executor of the open flow and talk to it. */
export function ChatTab({ flowId }: { flowId: string }) {
  const nodes = useEditor(selectNodes)
  const selectedNodes = useEditor((state) => state.selectedNodes)
  const chosen = useShell((state) => state.chatNode[flowId])
  const chatWith = useShell((state) => state.chatWith)
  const flowName = useEditor((state) => state.doc?.name ?? '')
  const executors = nodes.filter((node) => node.node_type === 'executor')
  if (executors.length === 0) {
    return <p className="list-note tab-empty">This flow has no executor yet. Add a Claude Code node from the palette to chat with it.</p>
  }
  // The executor selected on the canvas, else the last one chatted with, else the first.
  const selectedExecutor = executors.find((node) => selectedNodes.includes(node.id))
  const current = selectedExecutor ?? executors.find((node) => node.id === chosen) ?? executors[0]!
  return (
    <div className="chat-tab">
      {executors.length > 1 && (
        <div className="tab-toolbar">
          <label className="inline-field">
            <span>Executor</span>
            <select value={current.id} onChange={(event) => chatWith(flowId, event.target.value)} data-testid="chat-executor">
              {executors.map((node) => (
                <option key={node.id} value={node.id}>
                  {node.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {/* Keyed by node so a half-typed message never carries over to another node. */}
      <ChatPanel key={current.id} target={{ flowId, nodeId: current.id }} label={current.label} flowName={flowName} />
    </div>
  )
}
