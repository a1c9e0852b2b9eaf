import { PanelBottom, PanelBottomDashed, PanelLeft, PanelLeftDashed, PanelRight, PanelRightDashed, type LucideIcon } from 'lucide-react'
import { useEditor } from '../editor/EditorContext'
import { usePanels, type PanelName } from './panels'
import { useShell } from './store'

interface Toggle {
  name: PanelName
  label: string
  keys: string
  shown: LucideIcon
  hidden: LucideIcon
}

const TOGGLES: Toggle[] = [
  { name: 'sidebar', label: 'Sidebar', keys: 'Ctrl+B', shown: PanelLeft, hidden: PanelLeftDashed },
  { name: 'bottom', label: 'Bottom panel', keys: 'Ctrl+J', shown: PanelBottom, hidden: PanelBottomDashed },
  { name: 'properties', label: 'Properties', keys: 'Ctrl+Alt+B', shown: PanelRight, hidden: PanelRightDashed },
]

/** Show or hide the sidebar, the bottom panel and the properties, as VS Code's layout buttons do. */
export function LayoutToggles({ floatingProperties, onToggle }: { floatingProperties: boolean; onToggle(name: PanelName): void }) {
  const shown = usePanels((state) => state.shown)
  const flowDetails = usePanels((state) => state.flowDetails)
  const flowId = useEditor((state) => state.flowId)
  const selected = useEditor((state) => state.selectedNodes.length > 0)
  const onFlow = useShell((state) => state.view) === 'flow'
  // Floating properties show while a node is selected or the flow's details are asked for.
  const pressed = (name: PanelName) => (name === 'properties' && floatingProperties ? flowId !== null && (selected || flowDetails) : shown[name])
  const usable = (name: PanelName) => name !== 'properties' || (onFlow && (!floatingProperties || flowId !== null))
  return (
    <div className="layout-toggles" role="group" aria-label="Layout">
      {TOGGLES.map(({ name, label, keys, shown: ShownIcon, hidden: HiddenIcon }) => {
        const on = pressed(name)
        const Icon = on ? ShownIcon : HiddenIcon
        return (
          <button
            key={name}
            type="button"
            className="icon-button layout-toggles__button"
            aria-label={label}
            aria-pressed={on}
            title={`${on ? 'Hide' : 'Show'} the ${label.toLowerCase()} (${keys})`}
            disabled={!usable(name)}
            onClick={() => onToggle(name)}
            data-testid={`toggle-${name}`}
          >
            <Icon size={15} aria-hidden="true" />
          </button>
        )
      })}
    </div>
  )
}
