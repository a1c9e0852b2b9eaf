import { useId, useState, type SubmitEvent } from 'react'
import { newExecutorNode } from './executor-node'
import { useFlows } from '../flows/FlowsProvider'

interface AddExecutorFormProps {
  flowId: string
  /** Called with the new node's id once saved, or null when cancelled. */
  onDone: (nodeId: string | null) => void
}

export function AddExecutorForm({ flowId, onDone }: AddExecutorFormProps) {
  const addNode = useFlows((s) => s.addNode)
  const [label, setLabel] = useState('')
  const [prompt, setPrompt] = useState('')
  const [workingDir, setWorkingDir] = useState('')
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const ids = useId()

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    // `required` stops empty fields, but not ones holding only spaces.
    if (label.trim() === '' || prompt.trim() === '') {
      setProblem('Give the node a label and a prompt.')
      return
    }
    setProblem(null)
    setSaving(true)
    const node = newExecutorNode({ label, prompt: prompt.trim(), workingDir })
    const saved = await addNode(flowId, node)
    setSaving(false)
    // On failure the error banner says why; the form keeps what was typed.
    if (saved) onDone(node.id)
  }

  return (
    <form
      className="executor-form"
      aria-labelledby={`${ids}-title`}
      data-testid="add-executor-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null)
      }}
    >
      <h4 id={`${ids}-title`} className="executor-form__title">
        New executor node <span className="field__hint">(Claude Code)</span>
      </h4>
      <label className="field">
        <span className="field__label">Label</span>
        <input required autoFocus autoComplete="off" value={label} onChange={(event) => setLabel(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Prompt</span>
        <textarea required rows={3} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">
          Working directory <span className="field__hint">(optional; default: the server’s)</span>
        </span>
        <input
          autoComplete="off"
          spellCheck={false}
          placeholder="/path/to/project"
          value={workingDir}
          onChange={(event) => setWorkingDir(event.target.value)}
        />
      </label>
      {problem && <p className="field__problem">{problem}</p>}
      <div className="executor-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add executor'}
        </button>
        <button type="button" className="button" disabled={saving} onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
