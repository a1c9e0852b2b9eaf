import { Command, Keyboard } from 'lucide-react'
import type { ReactNode } from 'react'
import { EnabledSwitch } from '../editor/EnabledSwitch'
import { useEditor } from '../editor/EditorContext'
import { FlowNameField } from '../editor/FlowNameField'
import { SaveIndicator } from '../editor/SaveIndicator'
import { ValidateButton } from '../editor/ValidateButton'
import { RunControls } from '../runs/RunControls'
import { ApprovalsIndicator } from '../permissions/ApprovalsIndicator'
import { useShell } from './store'

const VIEW_TITLES = { prompts: 'Prompt library', templates: 'Templates', settings: 'Settings' } as const

/** Flow name · enabled · save state · Validate · Run, the command palette, and `layout` (the panel toggles). */
export function TitleBar({ layout }: { layout?: ReactNode }) {
  const view = useShell((state) => state.view)
  const flowId = useEditor((state) => state.flowId)
  const setPaletteOpen = useShell((state) => state.setPaletteOpen)
  const setHelpOpen = useShell((state) => state.setHelpOpen)
  return (
    <header className="title-bar">
      <span className="brand">Shoggoth</span>
      <div className="title-bar__main">
        {view === 'flow' && flowId ? (
          <>
            <FlowNameField />
            <EnabledSwitch />
            <SaveIndicator />
            <span className="title-bar__spacer" />
            <ValidateButton />
            <RunControls flowId={flowId} />
          </>
        ) : (
          <h1 className="title-bar__title">{view === 'flow' ? 'Flows' : VIEW_TITLES[view]}</h1>
        )}
      </div>
      <ApprovalsIndicator />
      <button type="button" className="button button--small title-bar__search" onClick={() => setPaletteOpen(true)} data-testid="open-command-palette" title="Search flows and commands (Ctrl+K)">
        <Command size={13} aria-hidden="true" /> Search <kbd>Ctrl K</kbd>
      </button>
      {layout}
      <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
        <Keyboard size={15} aria-hidden="true" />
      </button>
    </header>
  )
}
