import { useStore } from 'zustand'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import { useEditorServices } from './EditorContext'

/** Without the node-kind catalogue the palette is empty and node forms are bare: say so, offer Retry. */
export function NodeKindsError() {
  const { nodeKinds } = useEditorServices()
  const failed = useStore(nodeKinds, (state) => state.failed)
  const dismiss = useStore(nodeKinds, (state) => state.dismissFailed)
  return <FailedActionBanner failed={failed} onDismiss={dismiss} testId="node-kinds-error" />
}
