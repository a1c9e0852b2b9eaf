import { useFlows } from '../../flows/FlowsProvider'
import { FlowFileActions } from '../../templates/FlowFileActions'
import { useOpenCreatedFlow } from '../../shell/useOpenCreatedFlow'
import { ConfirmDelete } from '../../ui/ConfirmDelete'
import { formatTimestamp } from '../../ui/format'
import { useEditor, useEditorServices } from '../EditorContext'
import { ProblemList } from '../ProblemList'

/** Nothing selected: the flow itself — description, facts, problems, files, delete. */
export function FlowSettings({ flowId }: { flowId: string }) {
  const { store } = useEditorServices()
  const doc = useEditor((state) => state.doc)
  const problems = useEditor((state) => state.problems)
  const summary = useFlows((state) => state.flows.find((flow) => flow.id === flowId))
  const remove = useFlows((state) => state.remove)
  const openCreated = useOpenCreatedFlow()
  if (!doc) return null
  return (
    <div className="properties-pane__body flow-settings" data-testid="flow-settings">
      <h2 className="panel-title">Flow</h2>
      <label className="field">
        <span className="field__label">Description</span>
        <textarea rows={3} value={doc.description} placeholder="What this flow is for" onChange={(event) => store.getState().describe(event.target.value)} data-testid="flow-description" />
      </label>
      <dl className="facts">
        <div className="facts__item">
          <dt>Nodes</dt>
          <dd data-testid="flow-node-count">{doc.nodes.length}</dd>
        </div>
        <div className="facts__item">
          <dt>Edges</dt>
          <dd data-testid="flow-edge-count">{doc.edges.length}</dd>
        </div>
        {summary && (
          <>
            <div className="facts__item">
              <dt>Created</dt>
              <dd>{formatTimestamp(summary.created_at)}</dd>
            </div>
            <div className="facts__item">
              <dt>Saved</dt>
              <dd>{formatTimestamp(summary.updated_at)}</dd>
            </div>
          </>
        )}
        <div className="facts__item">
          <dt>ID</dt>
          <dd>
            <code data-testid="flow-id">{flowId}</code>
          </dd>
        </div>
      </dl>
      <h3 className="section-title">Problems</h3>
      <ProblemList problems={problems} />
      <h3 className="section-title">File</h3>
      <FlowFileActions flowId={flowId} onCreated={openCreated} />
      <h3 className="section-title">Danger zone</h3>
      <ConfirmDelete label="Delete flow" question="Delete this flow, its runs and its chats?" groupLabel="Confirm delete" onConfirm={() => remove(flowId)} />
    </div>
  )
}
