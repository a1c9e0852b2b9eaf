import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import { ReactFlowProvider } from '@xyflow/react'
import { BottomPanel } from './BottomPanel'
import { CenterView } from './CenterView'
import { lazy, Suspense, useEffect } from 'react'
import { ShortcutHelp } from './ShortcutHelp'
import { Sidebar } from './Sidebar'
import { StatusBar } from './StatusBar'
import { TitleBar } from './TitleBar'
import { useShell } from './store'
import { useGlobalShortcuts } from './useGlobalShortcuts'
import { PropertiesPane } from '../editor/PropertiesPane'
import { useEditorShortcuts } from '../editor/useEditorShortcuts'
import { useSaveOnLeave } from '../editor/useSaveOnLeave'
import { useFlowSession } from '../editor/useFlowSession'
import { useApi } from './ApiContext'
import { useRunNotifications } from '../runs/useRunNotifications'
import { usePermissionStream } from '../permissions/usePermissionStream'
import { RunFollower } from '../runs/RunFollower'
import { NewFlowDialog } from '../flows/NewFlowDialog'
import { useEditor, useEditorServices } from '../editor/EditorContext'
import { useMediaQuery } from '../ui/useMediaQuery'
import { PropertiesOverlay } from '../editor/PropertiesOverlay'
import { LayoutToggles } from './LayoutToggles'
import { usePanelToggles } from './usePanelToggles'
import './shell.css'

// The command palette (and cmdk) loads the first time it is opened.
const CommandPalette = lazy(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette })))

const NARROW = '(max-width: 1099px)'

// A chat needs room for a few messages and the message box; opening it grows a smaller bottom panel to this.
const CHAT_MIN_PX = 320
const TOP_MIN_PX = 160

const storage = typeof localStorage === 'undefined' ? undefined : localStorage

/** One screen, no page scroll: title bar, sidebar · canvas · properties, bottom panel, status bar. */
export function StudioLayout() {
  const services = useEditorServices()
  const { client } = useApi()
  const view = useShell((state) => state.view)
  const flowId = useEditor((state) => state.flowId)
  const paletteOpen = useShell((state) => state.paletteOpen)
  const session = useFlowSession(client, services)
  useSaveOnLeave(services.saves)
  useEditorShortcuts(services.commands, view === 'flow')
  useRunNotifications()
  usePermissionStream()
  // Narrow windows give the canvas the width and show the properties over it.
  const narrow = useMediaQuery(NARROW)
  const docked = view === 'flow' && !narrow
  const panels = usePanelToggles(narrow)
  useGlobalShortcuts(panels.toggle)
  const columns = useDefaultLayout({ id: 'shoggoth-columns', storage, panelIds: docked ? ['sidebar', 'center', 'properties'] : ['sidebar', 'center'] })
  const rows = useDefaultLayout({ id: 'shoggoth-rows', storage })
  const bottom = panels.refs.bottom
  const bottomTab = useShell((state) => state.bottomTab)
  useEffect(() => {
    const panel = bottom.current
    if (bottomTab !== 'chat' || !panel) return
    if (panel.isCollapsed()) panel.expand()
    const { inPixels, asPercentage } = panel.getSize()
    if (inPixels >= CHAT_MIN_PX || asPercentage <= 0) return
    // Half the height when there is room for it, never less than the minimum, and the canvas keeps its own minimum.
    const rows = (inPixels * 100) / asPercentage
    panel.resize(Math.max(Math.min(CHAT_MIN_PX, rows - TOP_MIN_PX), Math.min(rows / 2, rows - TOP_MIN_PX)))
  }, [bottomTab, bottom])

  return (
    <ReactFlowProvider>
      <div className="studio">
        <TitleBar layout={<LayoutToggles floatingProperties={narrow} onToggle={panels.toggle} />} />
        <Group orientation="vertical" className="studio__rows" defaultLayout={rows.defaultLayout} onLayoutChanged={rows.onLayoutChanged}>
          <Panel id="top" minSize={TOP_MIN_PX}>
            <Group orientation="horizontal" className="studio__columns" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
              <Panel id="sidebar" panelRef={panels.refs.sidebar} onResize={panels.onResize.sidebar} defaultSize={230} minSize={170} maxSize={420} collapsible collapsedSize={0} className="studio__panel">
                <Sidebar />
              </Panel>
              <Separator className="studio__separator" aria-label="Resize the sidebar" />
              <Panel id="center" minSize={280} className="studio__panel studio__center">
                <CenterView loadError={session.loadError} onRetry={session.retry} />
                {view === 'flow' && narrow && <PropertiesOverlay />}
              </Panel>
              {docked && (
                <>
                  <Separator className="studio__separator" aria-label="Resize the properties" />
                  <Panel id="properties" panelRef={panels.refs.properties} onResize={panels.onResize.properties} defaultSize={320} minSize={240} maxSize={560} collapsible collapsedSize={0} className="studio__panel">
                    <PropertiesPane />
                  </Panel>
                </>
              )}
            </Group>
          </Panel>
          <Separator className="studio__separator studio__separator--row" aria-label="Resize the bottom panel" />
          <Panel id="bottom" panelRef={bottom} onResize={panels.onResize.bottom} defaultSize="26%" minSize={90} collapsible collapsedSize={0} className="studio__panel">
            <BottomPanel />
          </Panel>
        </Group>
        <StatusBar />
        {flowId && <RunFollower flowId={flowId} />}
        <NewFlowDialog />
        {paletteOpen && (
          <Suspense fallback={null}>
            <CommandPalette />
          </Suspense>
        )}
        <ShortcutHelp />
      </div>
    </ReactFlowProvider>
  )
}
