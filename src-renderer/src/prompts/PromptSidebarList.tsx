import { PromptList } from './PromptList'
import { usePrompts } from './store'

/** The sidebar's "Prompts" section: search and titles; a click opens the prompt in the library. */
export function PromptSidebarList({ onOpen }: { onOpen: (promptId: string) => void }) {
  const prompts = usePrompts((state) => state.prompts)
  const status = usePrompts((state) => state.status)
  return (
    <>
      <PromptList prompts={prompts} selectedId={null} loading={status === 'loading' || status === 'idle'} onSelect={onOpen} compact testId="prompt-sidebar" />
      {status === 'error' && (
        <p className="prompt-list__error" role="alert">
          The prompt library could not be loaded.
        </p>
      )}
    </>
  )
}
