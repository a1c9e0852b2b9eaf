import { Search } from 'lucide-react'
import { useState } from 'react'
import type { SavedPrompt } from '../../../src-main/contract/api'
import { searchPrompts } from './search'
import './prompts.css'

interface PromptListProps {
  prompts: SavedPrompt[]
  selectedId: string | null
  loading: boolean
  onSelect: (id: string) => void
  /** Compact rows (the sidebar): no excerpt. */
  compact?: boolean
  testId: string
}

/** The first line of the body that has words, as a one-line excerpt. */
const excerpt = (text: string) => text.split('\n').map((line) => line.replace(/^[#>*\-\s]+/, '').trim()).find((line) => line !== '') ?? ''

/** Search box and the prompts that match it (title, body, tags). */
export function PromptList({ prompts, selectedId, loading, onSelect, compact = false, testId }: PromptListProps) {
  const [query, setQuery] = useState('')
  const shown = searchPrompts(prompts, query)
  return (
    <div className={compact ? 'prompt-list prompt-list--compact' : 'prompt-list'} data-testid={testId}>
      <div className="prompt-list__search">
        <Search size={14} aria-hidden="true" className="prompt-list__search-icon" />
        <input type="search" value={query} placeholder="Search title, text, tags" aria-label="Search prompts" onChange={(event) => setQuery(event.target.value)} />
      </div>
      {loading && prompts.length === 0 && <p className="prompt-list__note">Loading prompts…</p>}
      {!loading && prompts.length === 0 && <p className="prompt-list__note">No saved prompts yet.</p>}
      {prompts.length > 0 && shown.length === 0 && <p className="prompt-list__note">No prompt matches “{query}”.</p>}
      <ul className="prompt-list__items">
        {shown.map((prompt) => (
          <li key={prompt.id}>
            <button type="button" className="prompt-item" aria-current={prompt.id === selectedId ? 'true' : undefined} onClick={() => onSelect(prompt.id)} title={compact ? prompt.title : undefined}>
              <span className="prompt-item__title">{prompt.title || 'Untitled prompt'}</span>
              {!compact && excerpt(prompt.summary) && <span className="prompt-item__excerpt">{excerpt(prompt.summary)}</span>}
              {!compact && prompt.tags.length > 0 && (
                <span className="prompt-item__tags">
                  {prompt.tags.map((tag) => (
                    <span key={tag} className="tag-chip tag-chip--small">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
