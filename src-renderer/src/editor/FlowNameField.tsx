import { useEditor, useEditorServices } from './EditorContext'

/** The open flow's name, edited in place; saved like every other edit. */
export function FlowNameField() {
  const { store } = useEditorServices()
  const name = useEditor((state) => state.doc?.name ?? '')
  const empty = name.trim() === ''
  return (
    <label className="flow-name">
      <span className="visually-hidden">Flow name</span>
      <input
        value={name}
        data-testid="flow-name"
        aria-invalid={empty}
        title={empty ? 'A flow needs a name' : 'Rename the flow'}
        onChange={(event) => store.getState().rename(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        size={Math.max(8, Math.min(40, name.length + 1))}
      />
    </label>
  )
}
