import { Save } from 'lucide-react'
import { useId, useState, type KeyboardEvent } from 'react'
import type { SavedPrompt } from '../../../src-main/contract/api'
import { ConfirmDelete } from '../ui/ConfirmDelete'
import { formatTimestamp } from '../ui/format'
import { MarkdownBody, type BodyMode } from './MarkdownBody'
import { usePrompts } from './store'
import { TagInput } from './TagInput'
import './prompts.css'

interface PromptEditorProps {
  /** null: a new prompt, saved on the first Save. */
  prompt: SavedPrompt | null
  onSaved: (id: string) => void
  onDeleted: () => void
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i])

/** One prompt's form. Mounted per prompt (keyed by id), so its fields start from that prompt. */
export function PromptEditor({ prompt, onSaved, onDeleted }: PromptEditorProps) {
  const create = usePrompts((state) => state.create)
  const update = usePrompts((state) => state.update)
  const remove = usePrompts((state) => state.remove)
  const [title, setTitle] = useState(prompt?.title ?? '')
  const [tags, setTags] = useState<string[]>(prompt?.tags ?? [])
  const [body, setBody] = useState(prompt?.summary ?? '')
  const [mode, setMode] = useState<BodyMode>('edit')
  const [saving, setSaving] = useState(false)
  const titleId = useId()

  const dirty = prompt === null || title !== prompt.title || body !== prompt.summary || !sameTags(tags, prompt.tags)
  const canSave = dirty && title.trim() !== '' && !saving

  const save = async (): Promise<void> => {
    if (!canSave) return
    setSaving(true)
    const fields = { title: title.trim(), summary: body, tags }
    if (prompt === null) {
      // A Retry from the banner calls onSaved too, so the new prompt opens either way.
      await create(fields, onSaved)
      setSaving(false)
    } else {
      await update(prompt.id, fields)
      setSaving(false)
    }
  }

  const revert = (): void => {
    if (!prompt) return
    setTitle(prompt.title)
    setTags(prompt.tags)
    setBody(prompt.summary)
  }

  const confirmDelete = async (): Promise<boolean> => {
    if (!prompt) return false
    const deleted = await remove(prompt.id)
    if (deleted) onDeleted()
    return deleted
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault()
      void save()
    }
  }

  return (
    <form className="prompt-editor" aria-label={prompt ? `Edit prompt ${prompt.title}` : 'New prompt'} onSubmit={(event) => {
        event.preventDefault()
        void save()
      }} onKeyDown={onKeyDown} data-testid="prompt-editor">
      <div className="field">
        <label className="field__label" htmlFor={titleId}>
          Title
        </label>
        <input id={titleId} value={title} placeholder="A short name, e.g. Weekly digest" aria-invalid={title.trim() === '' && prompt !== null} onChange={(event) => setTitle(event.target.value)} data-testid="prompt-title" />
      </div>
      <TagInput tags={tags} onChange={setTags} />
      <MarkdownBody value={body} onChange={setBody} mode={mode} onModeChange={setMode} />
      <div className="prompt-editor__footer">
        <button type="submit" className="button button--primary prompt-editor__save" disabled={!canSave} data-testid="prompt-save">
          <Save size={14} aria-hidden="true" /> {saving ? 'Saving…' : prompt === null ? 'Create prompt' : 'Save'}
        </button>
        {prompt !== null && dirty && (
          <button type="button" className="button" onClick={revert}>
            Revert
          </button>
        )}
        <span className="prompt-editor__state" aria-live="polite">
          {title.trim() === '' ? 'A title is needed to save.' : dirty ? 'Unsaved changes (Ctrl+S saves)' : 'Saved'}
        </span>
        {prompt !== null && (
          <span className="prompt-editor__delete">
            <ConfirmDelete label="Delete" question="Delete this prompt?" groupLabel="Confirm prompt delete" onConfirm={confirmDelete} />
          </span>
        )}
      </div>
      {prompt !== null && (
        <p className="prompt-editor__meta">
          Created {formatTimestamp(prompt.created_at)}
          {prompt.source_flow_name && <> from the flow “{prompt.source_flow_name}”</>}
        </p>
      )}
    </form>
  )
}
