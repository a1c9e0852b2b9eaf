import { useCallback, useMemo, useState } from 'react'
import type { SavedPrompt } from '../../../../src-main/contract/api'
import { createPromptsApi } from '../../api/prompts'
import { useApi } from '../../shell/ApiContext'
import { errorMessage } from '../../ui/format'

export type LibraryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; prompts: SavedPrompt[] }
  | { status: 'error'; error: string }

/** The saved prompts, fetched when asked for (when the picker opens), not on every panel render. */
export function usePromptLibrary(): { state: LibraryState; load(): void } {
  const { client } = useApi()
  const api = useMemo(() => createPromptsApi(client), [client])
  const [state, setState] = useState<LibraryState>({ status: 'idle' })
  const load = useCallback(() => {
    setState({ status: 'loading' })
    api.list().then(
      (prompts) => setState({ status: 'ready', prompts }),
      (error: unknown) => setState({ status: 'error', error: errorMessage(error) }),
    )
  }, [api])
  return { state, load }
}
