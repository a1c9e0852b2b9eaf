import { PanelRight, X } from 'lucide-react'
import { usePanels } from '../shell/panels'
import { useEditor, useEditorServices } from './EditorContext'
import { PropertiesPane } from './PropertiesPane'

/**
 * In a narrow window the properties float over the canvas: open while a node
 * is selected, or when asked for the flow's own settings; closing deselects.
 */
export function PropertiesOverlay() {
  const { store } = useEditorServices()
  const flowId = useEditor((state) => state.flowId)
  const selected = useEditor((state) => state.selectedNodes.length > 0)
  // In the panels store, so the properties toggle (Ctrl+Alt+B) can open and close it too.
  const flowDetails = usePanels((state) => state.flowDetails)
  const setFlowDetails = usePanels((state) => state.setFlowDetails)
  if (!flowId) return null
  if (!selected && !flowDetails) {
    return (
      <button type="button" className="button button--small properties-overlay__open" onClick={() => setFlowDetails(true)} data-testid="open-flow-details">
        <PanelRight size={14} aria-hidden="true" /> Flow details
      </button>
    )
  }
  return (
    <div className="properties-overlay" data-testid="properties-overlay">
      <button
        type="button"
        className="icon-button properties-overlay__close"
        aria-label="Close the properties"
        onClick={() => {
          setFlowDetails(false)
          store.getState().select([])
        }}
      >
        <X size={15} aria-hidden="true" />
      </button>
      <PropertiesPane />
    </div>
  )
}
