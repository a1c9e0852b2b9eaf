import { useId, useState } from 'react'
import { BookOpen, RefreshCw } from 'lucide-react'
import { usePromptLibrary } from './usePromptLibrary'

interface PromptLibraryProps {
  onInsert(text: string): void
  onReplace(text: string): void
}

/** "Insert from library": saved prompts, each inserted at the cursor or replacing the prompt. */
export function PromptLibrary({ onInsert, onReplace }: PromptLibraryProps) {
  const { state, load } = usePromptLibrary()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const listId = useId()
  const toggle = (): void => {
    if (!open) load()
    setOpen(!open)
  }
  const needle = query.trim().toLowerCase()
  const prompts =
    state.status === 'ready'
      ? state.prompts.filter((p) => needle === '' || `${p.title} ${p.tags.join(' ')} ${p.summary}`.toLowerCase().includes(needle))
      : []
  const choose = (action: (text: string) => void, text: string): void => {
    action(text)
    setOpen(false)
  }

  return (
    <div className="pp-library">
      <button type="button" className="pp-button" aria-expanded={open} aria-controls={listId} onClick={toggle}>
        <BookOpen size={14} aria-hidden="true" /> Insert from library
      </button>
      {open && (
        <div id={listId} className="pp-library__panel" role="region" aria-label="Prompt library" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          {state.status === 'loading' && <p className="pp-hint">Loading prompts…</p>}
          {state.status === 'error' && (
            <p className="pp-problems" role="alert">
              Could not load the prompt library: {state.error}{' '}
              <button type="button" className="pp-button pp-button--small" onClick={load}>
                <RefreshCw size={12} aria-hidden="true" /> Retry
              </button>
            </p>
          )}
          {state.status === 'ready' && state.prompts.length === 0 && <p className="pp-hint">No saved prompts yet. Save one from the Prompts screen.</p>}
          {state.status === 'ready' && state.prompts.length > 0 && (
            <>
              <input className="pp-input" type="search" aria-label="Search saved prompts" placeholder="Search prompts…" value={query} onChange={(event) => setQuery(event.target.value)} />
              <ul className="pp-library__list">
                {prompts.map((prompt) => (
                  <li key={prompt.id} className="pp-library__item">
                    <span className="pp-library__title">{prompt.title}</span>
                    {prompt.tags.length > 0 && <span className="pp-hint">{prompt.tags.join(', ')}</span>}
                    <span className="pp-library__actions">
                      <button type="button" className="pp-button pp-button--small" aria-label={`Insert "${prompt.title}" at the cursor`} onClick={() => choose(onInsert, prompt.summary)}>
                        Insert
                      </button>
                      <button type="button" className="pp-button pp-button--small" aria-label={`Replace the prompt with "${prompt.title}"`} onClick={() => choose(onReplace, prompt.summary)}>
                        Replace
                      </button>
                    </span>
                  </li>
                ))}
                {prompts.length === 0 && <li className="pp-hint">No prompt matches “{query}”.</li>}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  )
}
