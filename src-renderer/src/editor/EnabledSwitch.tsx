import { useEditor, useEditorServices } from './EditorContext'

/** Whether the flow's trigger fires on its own (a disabled flow still runs by hand). */
export function EnabledSwitch() {
  const { store } = useEditorServices()
  const enabled = useEditor((state) => state.doc?.enabled ?? false)
  return (
    <label className="switch" title={enabled ? 'The trigger fires on its own' : 'Only runs when you press Run'}>
      <input type="checkbox" role="switch" checked={enabled} data-testid="flow-enabled" onChange={(event) => store.getState().setEnabled(event.target.checked)} />
      <span>{enabled ? 'Enabled' : 'Disabled'}</span>
    </label>
  )
}
