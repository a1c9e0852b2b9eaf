import { useEffect, useState } from 'react'
import { createChatApi } from '../api/chat'
import { createApiClient } from '../api/client'
import type { AppConnection } from '../api/connection'
import { createFlowsApi } from '../api/flows'
import { createRunsApi } from '../api/runs'
import { createScheduleApi } from '../api/schedule'
import { createChatStore } from '../chat/store'
import { ChatProvider } from '../chat/ChatProvider'
import { createFlowsStore } from '../flows/store'
import { FlowsProvider } from '../flows/FlowsProvider'
import { createRunsStore } from '../runs/store'
import { RunsProvider, type RunsServices } from '../runs/RunsProvider'
import { ApiProvider } from './ApiContext'
import { FlowPane } from '../flows/FlowPane'
import { Sidebar } from './Sidebar'

interface WorkspaceProps {
  connection: AppConnection
  onUnauthorized: () => void
}

/** The signed-in app: flow list on the left, the selected flow on the right. */
export function Workspace({ connection, onUnauthorized }: WorkspaceProps) {
  // One set of stores per connection; useState's initialiser runs once per mount.
  const [stores] = useState(() => {
    const client = createApiClient({
      apiBase: connection.apiBase,
      token: connection.token,
      onUnauthorized,
    })
    const runsApi = createRunsApi(client)
    const runs: RunsServices = { store: createRunsStore(runsApi), runsApi, scheduleApi: createScheduleApi(client) }
    return { client, flows: createFlowsStore(createFlowsApi(client)), chat: createChatStore(createChatApi(client)), runs }
  })

  useEffect(() => {
    void stores.flows.getState().load()
  }, [stores])

  return (
    <ApiProvider client={stores.client} connection={connection}>
    <FlowsProvider store={stores.flows}>
      <ChatProvider store={stores.chat}>
        <RunsProvider services={stores.runs}>
          <div className="workspace">
            <Sidebar />
            <FlowPane />
          </div>
        </RunsProvider>
      </ChatProvider>
    </FlowsProvider>
    </ApiProvider>
  )
}
