import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { FlowSummary } from '../../../src-main/contract/api'
import { useFlows } from './FlowsProvider'

/** The flow's name, which turns into a text field while renaming. */
export function FlowTitle({ flow }: { flow: FlowSummary }) {
  const rename = useFlows((s) => s.rename)
  // null while not editing.
  const [draft, setDraft] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // Enter/Escape end the edit and unmount the input; the blur that may follow must not save again.
  const finished = useRef(false)
  // After a keyboard finish, put focus back on the Rename button instead of losing it.
  const refocus = useRef(false)
  const renameButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (draft === null && refocus.current) {
      refocus.current = false
      renameButton.current?.focus()
    }
  }, [draft])

  const start = (): void => {
    finished.current = false
    setDraft(flow.name)
  }

  const finish = async (save: boolean): Promise<void> => {
    if (finished.current) return
    finished.current = true
    const name = (draft ?? '').trim()
    // A blank or unchanged name is not worth a request.
    if (save && name !== '' && name !== flow.name) {
      setSaving(true)
      await rename(flow.id, name)
      setSaving(false)
    }
    setDraft(null)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return
    event.preventDefault()
    refocus.current = true
    void finish(event.key === 'Enter')
  }

  if (draft === null) {
    return (
      <div className="title-row">
        <h2 className="details__title" data-testid="flow-title">
          {flow.name}
        </h2>
        <button ref={renameButton} type="button" className="button button--small" onClick={start}>
          Rename
        </button>
      </div>
    )
  }

  return (
    <div className="title-row">
      <input
        className="title-input"
        aria-label="Flow name"
        value={draft}
        autoFocus
        readOnly={saving}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void finish(true)}
      />
    </div>
  )
}
