import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { createChatApi } from '../api/chat'
import { createApiClient } from '../api/client'
import type { AppConnection } from '../api/connection'
import { createFlowsApi } from '../api/flows'
import { fetchNodeKinds } from '../api/node-types'
import { createRunsApi } from '../api/runs'
import { createScheduleApi } from '../api/schedule'
import { ChatProvider } from '../chat/ChatProvider'
import { createChatStore } from '../chat/store'
import { createEditorCommands } from '../editor/commands'
import { EditorProvider, type EditorServices } from '../editor/EditorContext'
import { createFlowWriter } from '../editor/flow-writer'
import { createSaveQueue } from '../editor/save-queue'
import { createEditorStore } from '../editor/store'
import { createNodeKindsStore } from '../editor/node-kinds'
import { revalidate, VALIDATE_DELAY_MS } from '../editor/useFlowSession'
import { FlowsProvider } from '../flows/FlowsProvider'
import { createFlowsStore } from '../flows/store'
import { RunsProvider, type RunsServices } from '../runs/RunsProvider'
import { createRunsStore } from '../runs/store'
import { ApiProvider } from './ApiContext'
import { logToConsole } from '../console/store'
import { StudioLayout } from './StudioLayout'

interface WorkspaceProps {
  connection: AppConnection
  onUnauthorized: () => void
}

/** The signed-in app: builds every store once per connection and lays out the studio. */
export function Workspace({ connection, onUnauthorized }: WorkspaceProps) {
  // useState's initialiser runs once per mount: one set of stores per connection.
  const [stores] = useState(() => {
    const client = createApiClient({
      apiBase: connection.apiBase,
      token: connection.token,
      onUnauthorized,
      onFailure: (method, path, error) => logToConsole(error.status >= 500 || error.status === 0 ? 'error' : 'warn', 'api', `${method} ${path} → ${error.status || 'unreachable'}: ${error.message}`),
    })
    const runsApi = createRunsApi(client)
    const runs: RunsServices = { store: createRunsStore(runsApi), runsApi, scheduleApi: createScheduleApi(client) }
    const flows = createFlowsStore(createFlowsApi(client))
    const editor = createEditorStore()
    const saves = createSaveQueue(editor, createFlowWriter(client), (status, flow) => {
      if (status.state === 'failed' && editor.getState().save.state !== 'failed') logToConsole('error', 'save', `Changes not saved: ${status.message}`)
      if (status.state === 'conflict') logToConsole('warn', 'save', 'The flow was changed elsewhere; your edits wait for your choice.')
      editor.getState().setSave(status)
      if (flow) {
        flows.getState().replace(flow)
        void revalidate(client, { store: editor }, VALIDATE_DELAY_MS)
      }
    })
    const nodeKinds = createNodeKindsStore(() => fetchNodeKinds(client))
    return { client, flows, chat: createChatStore(createChatApi(client)), runs, editor, saves, commands: createEditorCommands(editor), nodeKinds }
  })
  const kinds = useStore(stores.nodeKinds, (state) => state.kinds)

  useEffect(() => {
    void stores.flows.getState().load()
    void stores.nodeKinds.getState().load()
    return () => stores.saves.dispose()
  }, [stores])

  const editorServices = useMemo<EditorServices>(() => ({ store: stores.editor, saves: stores.saves, commands: stores.commands, kinds, nodeKinds: stores.nodeKinds }), [stores, kinds])

  return (
    <ApiProvider client={stores.client} connection={connection}>
      <FlowsProvider store={stores.flows}>
        <ChatProvider store={stores.chat}>
          <RunsProvider services={stores.runs}>
            <EditorProvider services={editorServices}>
              <StudioLayout />
            </EditorProvider>
          </RunsProvider>
        </ChatProvider>
      </FlowsProvider>
    </ApiProvider>
  )
}
