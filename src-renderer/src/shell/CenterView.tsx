import { FlowEditor } from '../editor/FlowEditor'
import { PromptLibraryView } from '../prompts/PromptLibraryView'
import { SettingsView } from '../settings/SettingsView'
import { TemplateGallery } from '../templates/TemplateGallery'
import { Banner } from '../ui/Banner'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useOpenCreatedFlow } from './useOpenCreatedFlow'
import { useShell } from './store'

/** The middle of the window: the flow canvas, or the prompt library, templates or settings. */
export function CenterView({ loadError, onRetry }: { loadError: string | null; onRetry: () => void }) {
  const view = useShell((state) => state.view)
  const openCreated = useOpenCreatedFlow()
  return (
    <main className="center" aria-label="Main">
      <ErrorBanner />
      {loadError && <Banner kind="error" message={loadError} onRetry={onRetry} testId="flow-load-error" />}
      {view === 'flow' && <FlowEditor />}
      {view === 'prompts' && <PromptLibraryView />}
      {view === 'templates' && <TemplateGallery onCreated={openCreated} />}
      {view === 'settings' && <SettingsView />}
    </main>
  )
}
