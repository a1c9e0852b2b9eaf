import { BookmarkPlus } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { ApiClient } from '../api/client'
import { promptsStore, usePrompts } from '../prompts/store'
import { failureMessage } from '../ui/failed-action'
import { useApi } from '../shell/ApiContext'
import { useShell } from '../shell/store'
import { Dialog } from '../ui/Dialog'
import { errorMessage } from '../ui/format'
import { transcriptText } from './chat-text'
import type { ChatEntry } from './transcript'

interface Draft {
  title: string
  summary: string
  tags: string
}

async function summarise(client: ApiClient, entries: readonly ChatEntry[], flowName: string): Promise<Draft> {
  const draft = await client.request<{ title: string; summary: string; tags: string[] }>('POST', '/api/prompts/summarize', { transcript: transcriptText(entries), flow_name: flowName })
  return { title: draft.title, summary: draft.summary, tags: draft.tags.join(', ') }
}

/** "Save as prompt": Claude drafts a reusable prompt from the chat; the user edits it, then saves. */
export function SavePromptButton({ entries, flowName }: { entries: readonly ChatEntry[]; flowName: string }) {
  const { client } = useApi()
  const create = usePrompts((state) => state.create)
  const openPrompt = useShell((state) => state.openPrompt)
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const start = async () => {
    setOpen(true)
    setDraft(null)
    setProblem(null)
    try {
      setDraft(await summarise(client, entries, flowName))
    } catch (error) {
      setProblem(`Could not draft a prompt: ${errorMessage(error)}`)
      setDraft({ title: `Prompt from ${flowName}`, summary: '', tags: '' })
    }
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft || draft.title.trim() === '') return setProblem('Give the prompt a title.')
    setBusy(true)
    const tags = draft.tags.split(',').map((tag) => tag.trim()).filter(Boolean)
    const id = await create({ title: draft.title.trim(), summary: draft.summary, source_flow_name: flowName, tags })
    setBusy(false)
    const failed = promptsStore.getState().failed
    if (id === null) return setProblem(failed ? failureMessage(failed) : 'The prompt could not be saved.')
    setOpen(false)
    openPrompt(id)
  }

  return (
    <>
      <button type="button" className="button button--small" disabled={entries.length === 0} onClick={() => void start()} data-testid="save-chat-as-prompt" title="Let Claude turn this chat into a reusable prompt, then edit and save it">
        <BookmarkPlus size={14} aria-hidden="true" /> Save as prompt
      </button>
      <Dialog open={open} title="Save this chat as a prompt" onClose={() => setOpen(false)} testId="save-prompt-dialog" wide>
        {draft === null ? (
          <p className="list-note" role="status">Claude is drafting a prompt from this chat…</p>
        ) : (
          <form className="form" onSubmit={(event) => void save(event)}>
            <label className="field">
              <span className="field__label">Title</span>
              <input value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">Prompt</span>
              <textarea rows={8} className="mono" value={draft.summary} onChange={(event) => setDraft({ ...draft, summary: event.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">
                Tags <span className="field__hint">(comma separated)</span>
              </span>
              <input value={draft.tags} onChange={(event) => setDraft({ ...draft, tags: event.target.value })} />
            </label>
            {problem && (
              <p className="field__problem" role="alert">
                {problem}
              </p>
            )}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save prompt'}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  )
}
