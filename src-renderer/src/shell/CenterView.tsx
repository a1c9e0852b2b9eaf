import { FlowEditor } from '../editor/FlowEditor'
import { lazy, Suspense } from 'react'
import { Banner } from '../ui/Banner'
import { ErrorBanner } from '../ui/ErrorBanner'
import { ScreenBoundary } from '../ui/ScreenBoundary'
import { useOpenCreatedFlow } from './useOpenCreatedFlow'
import { useShell } from './store'

// Screens other than the canvas load on first use, so the window opens faster.
const PromptLibraryView = lazy(() => import('../prompts/PromptLibraryView').then((m) => ({ default: m.PromptLibraryView })))
const SettingsView = lazy(() => import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })))
const TemplateGallery = lazy(() => import('../templates/TemplateGallery').then((m) => ({ default: m.TemplateGallery })))

/** The middle of the window: the flow canvas, or the prompt library, templates or settings. */
export function CenterView({ loadError, onRetry }: { loadError: string | null; onRetry: () => void }) {
  const view = useShell((state) => state.view)
  const openCreated = useOpenCreatedFlow()
  return (
    <main className="center" aria-label="Main">
      <ErrorBanner />
      {loadError && <Banner kind="error" message={loadError} onRetry={onRetry} testId="flow-load-error" />}
      {view === 'flow' && <FlowEditor />}
      <ScreenBoundary key={view}>
        <Suspense fallback={<p className="center__note">Loading…</p>}>
          {view === 'prompts' && <PromptLibraryView />}
          {view === 'templates' && <TemplateGallery onCreated={openCreated} />}
          {view === 'settings' && <SettingsView />}
        </Suspense>
      </ScreenBoundary>
    </main>
  )
}
