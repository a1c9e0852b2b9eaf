import { CircleAlert, CircleCheck, RefreshCw } from 'lucide-react'
import type { AppStatus } from '../../../src-main/contract/api'
import { CopyField } from './CopyField'
import type { StatusState } from '../shell/useAppStatus'
import './settings.css'

/** Where the claude CLI is and which version answered — or how to install it. */
function ClaudeFacts({ claude }: { claude: AppStatus['claude'] }) {
  if (claude.version !== null) {
    return (
      <p className="settings-status settings-status--ok" data-testid="claude-version">
        <CircleCheck size={16} aria-hidden="true" /> <span>Found <code>{claude.command}</code>: {claude.version}</span>
      </p>
    )
  }
  return (
    <div className="settings-status settings-status--bad" role="alert" data-testid="claude-missing">
      <CircleAlert size={16} aria-hidden="true" />
      <div>
        <p>
          <code>{claude.command}</code> could not be run{claude.error ? `: ${claude.error}` : '.'}
        </p>
        <p className="settings-hint">
          Install it with <code>npm install -g @anthropic-ai/claude-code</code>, or set <code>SHOGGOTH_CLAUDE_BIN</code> to the full path of the <code>claude</code> executable and restart Shoggoth.
        </p>
      </div>
    </div>
  )
}

/** Claude Code and the data directory, from GET /api/status. */
export function ClaudeSection({ state, onReload }: { state: StatusState; onReload: () => void }) {
  return (
    <section className="settings-section" aria-labelledby="settings-claude">
      <div className="settings-section__head">
        <h2 id="settings-claude" className="settings-section__title">
          Claude Code
        </h2>
        <button type="button" className="button button--small settings-inline-button" onClick={onReload} disabled={state.status === 'loading'}>
          <RefreshCw size={13} aria-hidden="true" /> Check again
        </button>
      </div>
      {state.status === 'loading' && <p className="settings-hint">Checking…</p>}
      {state.status === 'error' && (
        <p className="settings-status settings-status--bad" role="alert">
          <CircleAlert size={16} aria-hidden="true" /> <span>{state.error}</span>
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <ClaudeFacts claude={state.value.claude} />
          <CopyField label="Data directory" value={state.value.data_dir} testId="settings-data-dir" />
          <p className="settings-hint">Flows, runs, prompts, chat sessions and the API token live here. Shoggoth {state.value.version}.</p>
        </>
      )}
    </section>
  )
}
