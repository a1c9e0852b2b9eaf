import { BookText, Plus } from 'lucide-react'
import { useState } from 'react'
import { useShell } from '../shell/store'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import { PromptEditor } from './PromptEditor'
import { PromptList } from './PromptList'
import { usePrompts } from './store'
import './prompts.css'

/** The prompt library screen: searchable list on the left, the chosen prompt's editor on the right. */
export function PromptLibraryView() {
  const selectedId = useShell((state) => state.promptId)
  const openPrompt = useShell((state) => state.openPrompt)
  const prompts = usePrompts((state) => state.prompts)
  const status = usePrompts((state) => state.status)
  const failed = usePrompts((state) => state.failed)
  const dismissFailed = usePrompts((state) => state.dismissFailed)
  const [creating, setCreating] = useState(false)
  const selected = creating ? null : (prompts.find((prompt) => prompt.id === selectedId) ?? null)

  const select = (id: string | null): void => {
    setCreating(false)
    openPrompt(id)
  }

  return (
    <section className="prompt-view" aria-labelledby="prompt-view-title" data-testid="prompt-library">
      <header className="prompt-view__head">
        <h1 id="prompt-view-title" className="prompt-view__title">
          <BookText size={18} aria-hidden="true" /> Prompt library
        </h1>
        <button type="button" className="button button--primary prompt-view__new" onClick={() => setCreating(true)} data-testid="prompt-new">
          <Plus size={14} aria-hidden="true" /> New prompt
        </button>
      </header>
      <FailedActionBanner failed={failed} onDismiss={dismissFailed} testId="prompt-error" />
      <div className="prompt-view__body">
        <PromptList prompts={prompts} selectedId={creating ? null : selectedId} loading={status === 'loading' || status === 'idle'} onSelect={select} testId="prompt-list" />
        <div className="prompt-view__editor">
          {creating && <PromptEditor key="new" prompt={null} onSaved={select} onDeleted={() => select(null)} />}
          {selected && <PromptEditor key={selected.id} prompt={selected} onSaved={select} onDeleted={() => select(null)} />}
          {!creating && !selected && (
            <div className="prompt-view__empty" data-testid="prompt-empty">
              {status === 'ready' && prompts.length === 0 ? (
                <>
                  <p className="prompt-view__empty-title">Your prompt library is empty.</p>
                  <p>Save prompts you use again and again here, then insert them into any Claude Code executor from its property panel. Start with New prompt — or, when you delete a flow, save its chat as a prompt.</p>
                  <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                    <Plus size={14} aria-hidden="true" /> New prompt
                  </button>
                </>
              ) : (
                <p>Choose a prompt on the left to read or edit it, or create a new one.</p>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  )
}
