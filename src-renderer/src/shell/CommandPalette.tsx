import { Command } from 'cmdk'
import { useEditorServices } from '../editor/EditorContext'
import { useFlows, useFlowsStore } from '../flows/FlowsProvider'
import { Dialog } from '../ui/Dialog'
import { useShell } from './store'

interface Action {
  id: string
  label: string
  keys?: string
  run(): void
}

/** Ctrl+K: jump to any flow, run a command, or add a node of any kind. */
export function CommandPalette() {
  const open = useShell((state) => state.paletteOpen)
  const setOpen = useShell((state) => state.setPaletteOpen)
  const shell = useShell()
  const flows = useFlows((state) => state.flows)
  const flowsStore = useFlowsStore()
  const { commands, kinds, store } = useEditorServices()
  const close = () => setOpen(false)
  const act = (run: () => void) => () => {
    close()
    run()
  }
  const click = (testId: string) => () => document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click()

  const actions: Action[] = [
    { id: 'new-flow', label: 'New flow', keys: 'Ctrl+N', run: () => shell.setNewFlowOpen(true) },
    { id: 'run', label: 'Run the open flow', keys: 'Ctrl+Enter', run: click('run-flow') },
    { id: 'validate', label: 'Validate the open flow', run: click('validate') },
    { id: 'layout', label: 'Auto-layout', keys: 'Ctrl+Shift+L', run: commands.layout },
    { id: 'undo', label: 'Undo', keys: 'Ctrl+Z', run: commands.undo },
    { id: 'redo', label: 'Redo', keys: 'Ctrl+Shift+Z', run: commands.redo },
    { id: 'prompts', label: 'Open the prompt library', run: () => shell.show('prompts') },
    { id: 'templates', label: 'Browse templates', run: () => shell.show('templates') },
    { id: 'settings', label: 'Open settings', run: () => shell.show('settings') },
    // The title bar's toggles know how each panel comes back (and what floats in a narrow window).
    { id: 'toggle-sidebar', label: 'Hide or show the sidebar', keys: 'Ctrl+B', run: click('toggle-sidebar') },
    { id: 'toggle-bottom', label: 'Hide or show the bottom panel', keys: 'Ctrl+J', run: click('toggle-bottom') },
    { id: 'toggle-properties', label: 'Hide or show the properties', keys: 'Ctrl+Alt+B', run: click('toggle-properties') },
    { id: 'help', label: 'Keyboard shortcuts', keys: '?', run: () => shell.setHelpOpen(true) },
  ]
  const hasFlow = store.getState().doc !== null

  return (
    <Dialog open={open} title="Search" onClose={close} testId="command-palette" wide>
      <Command label="Search flows and commands" className="cmdk">
        <Command.Input autoFocus placeholder="Type a flow name, a command or a node kind…" className="cmdk__input" />
        <Command.List className="cmdk__list">
          <Command.Empty className="list-note">Nothing matches.</Command.Empty>
          <Command.Group heading="Flows">
            {flows.map((flow) => (
              <Command.Item
                key={flow.id}
                value={`flow ${flow.name} ${flow.id}`}
                onSelect={act(() => {
                  flowsStore.getState().select(flow.id)
                  shell.show('flow')
                })}
              >
                {flow.name}
                <span className="cmdk__meta">{flow.enabled ? 'enabled' : 'disabled'}</span>
              </Command.Item>
            ))}
          </Command.Group>
          <Command.Group heading="Commands">
            {actions.map((action) => (
              <Command.Item key={action.id} value={action.label} onSelect={act(action.run)}>
                {action.label}
                {action.keys && <kbd className="cmdk__meta">{action.keys}</kbd>}
              </Command.Item>
            ))}
          </Command.Group>
          {hasFlow && (
            <Command.Group heading="Add a node">
              {kinds.map((kind) => (
                <Command.Item key={kind.kind} value={`add ${kind.label} ${kind.node_type}`} onSelect={act(() => commands.addNode(kind, { x: 80, y: 80 }))}>
                  Add {kind.label}
                  <span className="cmdk__meta">{kind.node_type}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command>
    </Dialog>
  )
}
