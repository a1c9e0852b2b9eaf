import { BookText, LayoutTemplate, Settings } from 'lucide-react'
import { FlowBrowser } from '../flows/FlowBrowser'
import { PromptSidebarList } from '../prompts/PromptSidebarList'
import { TemplateSidebarList } from '../templates/TemplateSidebarList'
import { useOpenCreatedFlow } from './useOpenCreatedFlow'
import { useShell, type MainView } from './store'

const VIEWS: { view: MainView; label: string; icon: typeof Settings }[] = [
  { view: 'prompts', label: 'Prompt library', icon: BookText },
  { view: 'templates', label: 'Templates', icon: LayoutTemplate },
  { view: 'settings', label: 'Settings', icon: Settings },
]

/** Flows first; then prompts and templates in short; the screens of their own at the bottom. */
export function Sidebar() {
  const view = useShell((state) => state.view)
  const show = useShell((state) => state.show)
  const openPrompt = useShell((state) => state.openPrompt)
  const openCreated = useOpenCreatedFlow()
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="sidebar__scroll">
        <FlowBrowser />
        <details className="sidebar-fold" open>
          <summary className="section-title">Prompts</summary>
          <PromptSidebarList onOpen={openPrompt} />
        </details>
        <details className="sidebar-fold">
          <summary className="section-title">Templates</summary>
          <TemplateSidebarList onCreated={openCreated} />
        </details>
      </div>
      <nav className="sidebar__views" aria-label="Screens">
        {VIEWS.map(({ view: target, label, icon: Icon }) => (
          <button key={target} type="button" className="sidebar__view" aria-current={view === target ? 'page' : undefined} onClick={() => show(view === target ? 'flow' : target)} data-testid={`open-${target}`}>
            <Icon size={15} aria-hidden="true" /> {label}
          </button>
        ))}
      </nav>
    </aside>
  )
}
