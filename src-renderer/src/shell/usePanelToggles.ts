import { useCallback, useMemo, useRef, type RefObject } from 'react'
import { usePanelRef, type PanelImperativeHandle, type PanelSize } from 'react-resizable-panels'
import { useEditorServices } from '../editor/EditorContext'
import { readOpenSizes, usePanels, writeOpenSizes, type PanelName } from './panels'
import { useShell } from './store'

export interface PanelToggles {
  /** Each docked panel's `panelRef`. */
  refs: Record<PanelName, RefObject<PanelImperativeHandle | null>>
  /** Each docked panel's `onResize`: notes whether it shows, and its size while it does. */
  onResize: Record<PanelName, (size: PanelSize) => void>
  toggle(name: PanelName): void
}

/**
 * Collapses and brings back the sidebar, the properties and the bottom panel.
 * A panel comes back at the size it had, even after a reload. In a narrow
 * window (`floatingProperties`) the properties are not docked: their toggle
 * opens the flow's details over the canvas, or closes what floats there.
 */
export function usePanelToggles(floatingProperties: boolean): PanelToggles {
  const { store } = useEditorServices()
  const sidebar = usePanelRef()
  const properties = usePanelRef()
  const bottom = usePanelRef()
  const refs = useMemo(() => ({ sidebar, properties, bottom }), [sidebar, properties, bottom])
  const openSizes = useRef(readOpenSizes())

  const onResize = useMemo(() => {
    const follow = (name: PanelName) => (size: PanelSize) => {
      const open = size.asPercentage > 0
      if (open) openSizes.current[name] = Math.round(size.inPixels)
      // Saved as it closes: an open panel's size is kept by the layout itself.
      else if (usePanels.getState().shown[name]) writeOpenSizes(openSizes.current)
      usePanels.getState().setShown(name, open)
    }
    return { sidebar: follow('sidebar'), properties: follow('properties'), bottom: follow('bottom') }
  }, [])

  const toggle = useCallback(
    (name: PanelName) => {
      // Only the flow view has properties (other views unmount the panel).
      if (name === 'properties' && useShell.getState().view !== 'flow') return
      if (name === 'properties' && floatingProperties) {
        toggleFloatingProperties(store)
        return
      }
      const panel = refs[name].current
      if (!panel) return
      if (!panel.isCollapsed()) return panel.collapse()
      const size = openSizes.current[name]
      if (size) panel.resize(size)
      else panel.expand()
    },
    [floatingProperties, refs, store],
  )

  return { refs, onResize, toggle }
}

type EditorStore = ReturnType<typeof useEditorServices>['store']

/** Closes the floating properties (as their ✕ does), or opens the flow's details there. */
function toggleFloatingProperties(store: EditorStore): void {
  const panels = usePanels.getState()
  const editor = store.getState()
  if (!editor.flowId) return
  if (editor.selectedNodes.length > 0 || panels.flowDetails) {
    panels.setFlowDetails(false)
    editor.select([])
  } else {
    panels.setFlowDetails(true)
  }
}
