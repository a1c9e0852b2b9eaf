import { useFlowRunStates } from '../runs/useFlowRunStates'
import { PropertyPanel } from '../properties/PropertyPanel'
import { useEditor, useEditorServices, selectNodes } from './EditorContext'
import { FlowSettings } from './panel/FlowSettings'
import { NodeActions } from './panel/NodeActions'
import { SelectionSummary } from './panel/SelectionSummary'

/** The right-hand panel: the selected node's form, or the flow's own settings. */
export function PropertiesPane() {
  const { store, kinds } = useEditorServices()
  const flowId = useEditor((state) => state.flowId)
  const nodes = useEditor(selectNodes)
  const selected = useEditor((state) => state.selectedNodes)
  const problems = useEditor((state) => state.problems)
  const { outputs } = useFlowRunStates(flowId ?? '', nodes)

  if (!flowId) return <aside className="properties-pane properties-pane--empty" aria-label="Properties"><p className="list-note">Open a flow to edit its nodes here.</p></aside>
  const node = selected.length === 1 ? nodes.find((candidate) => candidate.id === selected[0]) : undefined
  return (
    <aside className="properties-pane" aria-label="Properties" data-testid="properties-pane">
      {node ? (
        <>
          <div className="properties-pane__body">
            <PropertyPanel
              key={node.id}
              flowId={flowId}
              node={node}
              kind={kinds.find((kind) => kind.kind === node.kind)}
              problems={problems.filter((problem) => problem.node_id === node.id)}
              lastOutput={outputs.get(node.id) ?? null}
              onChange={(patch) => store.getState().updateNode(node.id, patch)}
            />
          </div>
          <NodeActions node={node} flowId={flowId} />
        </>
      ) : selected.length > 1 ? (
        <SelectionSummary count={selected.length} />
      ) : (
        <FlowSettings flowId={flowId} />
      )}
    </aside>
  )
}
