import { useId, useState, type FormEvent } from 'react'
import { useShell } from '../shell/store'
import { Dialog } from '../ui/Dialog'
import { useFlows } from './FlowsProvider'

/** Name a new flow; it opens on the canvas at once (or the canvas says why it could not be made). */
export function NewFlowDialog() {
  const open = useShell((state) => state.newFlowOpen)
  const setOpen = useShell((state) => state.setNewFlowOpen)
  const show = useShell((state) => state.show)
  const create = useFlows((state) => state.create)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const ids = useId()

  const close = () => {
    setOpen(false)
    setProblem(null)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') {
      setProblem('Give the flow a name.')
      return
    }
    setSaving(true)
    await create(description.trim() === '' ? { name: name.trim() } : { name: name.trim(), description: description.trim() })
    setSaving(false)
    // A failure is reported above the canvas, whose Retry sends these same fields again.
    setName('')
    setDescription('')
    close()
    show('flow')
  }

  return (
    <Dialog open={open} title="New flow" onClose={close} testId="new-flow-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} data-testid="new-flow-form">
        <label className="field">
          <span className="field__label">Name</span>
          <input name="name" autoFocus autoComplete="off" value={name} aria-invalid={problem !== null} aria-describedby={problem ? `${ids}-problem` : undefined} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">
            Description <span className="field__hint">(optional)</span>
          </span>
          <input name="description" autoComplete="off" value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        {problem && (
          <p id={`${ids}-problem`} className="field__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create flow'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
