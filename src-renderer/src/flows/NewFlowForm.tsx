import { useId, useState, type SubmitEvent } from 'react'
import { useFlows } from './FlowsProvider'

export function NewFlowForm() {
  const create = useFlows((s) => s.create)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const ids = useId()

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const trimmedName = name.trim()
    // `required` stops an empty field, but not one holding only spaces.
    if (trimmedName === '') {
      setProblem('Give the flow a name.')
      return
    }
    setProblem(null)
    setSaving(true)
    const trimmedDescription = description.trim()
    const created = await create(
      trimmedDescription === ''
        ? { name: trimmedName }
        : { name: trimmedName, description: trimmedDescription },
    )
    setSaving(false)
    if (created) {
      setName('')
      setDescription('')
    }
  }

  return (
    <form
      className="new-flow"
      aria-labelledby={`${ids}-title`}
      data-testid="new-flow-form"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id={`${ids}-title`} className="section-title">
        New flow
      </h2>
      <label className="field">
        <span className="field__label">Name</span>
        <input
          name="name"
          required
          autoComplete="off"
          value={name}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids}-problem` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">
          Description <span className="field__hint">(optional)</span>
        </span>
        <input
          name="description"
          autoComplete="off"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      {problem && (
        <p id={`${ids}-problem`} className="field__problem">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? 'Creating…' : 'Create flow'}
      </button>
    </form>
  )
}
