import { useEditor, selectNodes } from '../editor/EditorContext'
import { useShell } from '../shell/store'
import { ChatPanel } from './ChatPanel'
import { chatChoice, LEAD_AGENT_VALUE } from './chat-choice'

/** The Chat tab: pick an executor of the open flow, or the lead agent for the whole flow, and talk to it. */
export function ChatTab({ flowId }: { flowId: string }) {
  const nodes = useEditor(selectNodes)
  const selectedNodes = useEditor((state) => state.selectedNodes)
  const chosen = useShell((state) => state.chatNode[flowId])
  const chatWith = useShell((state) => state.chatWith)
  const flowName = useEditor((state) => state.doc?.name ?? '')
  const executors = nodes.filter((node) => node.node_type === 'executor')
  // The lead agent takes its settings from the first executor; without one the server would
  // run it with every permission skipped, so it is offered only once there is an executor.
  if (executors.length === 0) {
    return <p className="list-note tab-empty">This flow has no executor yet. Add a Claude Code node from the palette to chat with it.</p>
  }
  const nodeId = chatChoice(executors, selectedNodes, chosen)
  const label = executors.find((node) => node.id === nodeId)?.label ?? 'the lead agent'
  return (
    <div className="chat-tab">
      {/* Keyed by chat so a half-typed message never carries over to another one. */}
      <ChatPanel
        key={nodeId ?? LEAD_AGENT_VALUE}
        target={{ flowId, nodeId }}
        label={label}
        flowName={flowName}
        chooser={
          <label className="inline-field">
            <span>Chat with</span>
            <select
              value={nodeId ?? LEAD_AGENT_VALUE}
              onChange={(event) => chatWith(flowId, event.target.value === LEAD_AGENT_VALUE ? null : event.target.value)}
              data-testid="chat-executor"
            >
              <option value={LEAD_AGENT_VALUE}>Lead agent (whole flow)</option>
              {executors.map((node) => (
                <option key={node.id} value={node.id}>
                  {node.label}
                </option>
              ))}
            </select>
          </label>
        }
      />
    </div>
  )
}
