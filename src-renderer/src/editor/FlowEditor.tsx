import { useFlows } from '../flows/FlowsProvider'
import { useShell } from '../shell/store'
import { Canvas } from './Canvas'
import { useEditor } from './EditorContext'
import { SaveProblems } from './SaveProblems'
import { NewFlowButton } from '../flows/NewFlowButton'
import { NodeKindsError } from './NodeKindsError'
import { Palette } from './Palette'
import { RunsError } from '../runs/RunsError'

/** The canvas of the open flow, or what to do when there is none. */
export function FlowEditor() {
  const flowId = useEditor((state) => state.flowId)
  const selectedId = useFlows((state) => state.selectedId)
  const loaded = useFlows((state) => state.loaded)
  const hasFlows = useFlows((state) => state.flows.length > 0)
  const nodeCount = useEditor((state) => state.doc?.nodes.length ?? 0)
  const show = useShell((state) => state.show)

  if (!loaded) return <p className="center__note">Loading flows…</p>
  if (selectedId === null || !hasFlows) {
    return (
      <div className="empty-state" data-testid="no-flow">
        <h2>{hasFlows ? 'Pick a flow on the left' : 'Build your first flow'}</h2>
        <p>A flow gathers items (feeds, pages, pull requests), lets Claude Code work on them and delivers the result.</p>
        <div className="empty-state__actions">
          <NewFlowButton />
          <button type="button" className="button" onClick={() => show('templates')}>
            Start from a template
          </button>
        </div>
      </div>
    )
  }
  if (flowId !== selectedId) return <p className="center__note">Opening the flow…</p>
  return (
    <div className="flow-editor">
      <SaveProblems />
      <RunsError flowId={flowId} />
      <NodeKindsError />
      <div className="flow-editor__body">
        <Palette />
        <div className="flow-editor__canvas">
          <Canvas flowId={flowId} />
        {nodeCount === 0 && (
          <div className="canvas-empty" data-testid="canvas-empty">
            <p>This flow is empty. Add a trigger, a source and a Claude Code executor from the palette — drag them here or click them — then connect their handles.</p>
          </div>
        )}
        </div>
      </div>
    </div>
  )
}
