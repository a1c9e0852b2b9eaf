import { Settings } from 'lucide-react'
import { ApiAccessSection } from './ApiAccessSection'
import { ClaudeSection } from './ClaudeSection'
import { PreferencesSection } from './PreferencesSection'
import { useAppStatus } from '../shell/useAppStatus'
import './settings.css'

/** The settings screen: Claude Code and the data directory, API access, theme and notifications. */
export function SettingsView() {
  const { state, reload } = useAppStatus()
  return (
    <section className="settings-view" aria-labelledby="settings-title" data-testid="settings-view">
      <div className="settings-view__column">
        <h1 id="settings-title" className="settings-view__title">
          <Settings size={18} aria-hidden="true" /> Settings
        </h1>
        <ClaudeSection state={state} onReload={reload} />
        <ApiAccessSection />
        <PreferencesSection />
      </div>
    </section>
  )
}
