import { useState, type KeyboardEvent } from 'react'
import { Plus, X } from 'lucide-react'
import { FieldShell } from './FieldShell'
import type { FieldSpec } from './form-fields'
import { rowProblems } from './field-problems'
import type { RepoEntry } from './config-values'

interface RepoListFieldProps {
  spec: FieldSpec
  repos: RepoEntry[]
  problems: Record<string, string[]>
  onRepos(repos: Array<{ slug: string; path?: string }>): void
}

// An empty path is left out so the server's default "." applies.
const toConfig = (repos: RepoEntry[]) => repos.map(({ slug, path }) => (path.trim() === '' ? { slug } : { slug, path }))

/** github-pr repositories: a slug and a local checkout path per row. */
export function RepoListField({ spec, repos, problems, onRepos }: RepoListFieldProps) {
  const [draft, setDraft] = useState<RepoEntry>({ slug: '', path: '' })
  const edit = (index: number, change: Partial<RepoEntry>): void => onRepos(toConfig(repos.map((repo, i) => (i === index ? { ...repo, ...change } : repo))))
  const add = (): void => {
    if (draft.slug.trim() === '') return
    onRepos(toConfig([...repos, { slug: draft.slug.trim(), path: draft.path.trim() }]))
    setDraft({ slug: '', path: '' })
  }
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      add()
    }
  }

  return (
    <FieldShell spec={{ ...spec, hint: 'owner/repo, and the local checkout the review runs in (default .)' }} problems={problems[spec.name] ?? []} group>
      {(ids) => (
        <div className="pp-list">
          {repos.map((repo, index) => {
            const messages = rowProblems(problems, spec.name, index)
            const rowId = `${ids.id}-row-${index}`
            return (
              <div key={index} className="pp-list__row-wrap">
                <div className="pp-list__row pp-list__row--pair">
                  <input className="pp-input pp-input--mono" aria-label={`Repository ${index + 1} (owner/repo)`} value={repo.slug} spellCheck={false}
                    aria-invalid={messages.length > 0} aria-describedby={messages.length > 0 ? rowId : undefined}
                    onChange={(event) => edit(index, { slug: event.target.value })} />
                  <input className="pp-input pp-input--mono" aria-label={`Repository ${index + 1} local path`} placeholder="." value={repo.path} spellCheck={false}
                    onChange={(event) => edit(index, { path: event.target.value })} />
                  <button type="button" className="pp-icon-button" aria-label={`Remove repository ${repo.slug || index + 1}`} onClick={() => onRepos(toConfig(repos.filter((_, i) => i !== index)))}>
                    <X size={14} aria-hidden="true" />
                  </button>
                </div>
                {messages.length > 0 && <p id={rowId} className="pp-problems">{messages.join(' ')}</p>}
              </div>
            )
          })}
          <div className="pp-list__row pp-list__row--pair">
            <input className="pp-input pp-input--mono" aria-label="New repository (owner/repo)" placeholder="owner/repo" value={draft.slug} spellCheck={false}
              aria-describedby={ids.describedBy || undefined} onChange={(event) => setDraft({ ...draft, slug: event.target.value })} onKeyDown={onKey} />
            <input className="pp-input pp-input--mono" aria-label="New repository local path" placeholder="." value={draft.path} spellCheck={false}
              onChange={(event) => setDraft({ ...draft, path: event.target.value })} onKeyDown={onKey} />
            <button type="button" className="pp-icon-button" aria-label="Add repository" disabled={draft.slug.trim() === ''} onClick={add}>
              <Plus size={14} aria-hidden="true" />
            </button>
          </div>
        </div>
      )}
    </FieldShell>
  )
}
