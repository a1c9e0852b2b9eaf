import { useEffect, useState } from 'react'
import { createChatApi } from '../api/chat'
import { createApiClient } from '../api/client'
import type { AppConnection } from '../api/connection'
import { createFlowsApi } from '../api/flows'
import { createChatStore } from '../stores/chat'
import { ChatProvider } from '../stores/ChatProvider'
import { createFlowsStore } from '../stores/flows'
import { FlowsProvider } from '../stores/FlowsProvider'
import { FlowPane } from './FlowPane'
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
    return { flows: createFlowsStore(createFlowsApi(client)), chat: createChatStore(createChatApi(client)) }
  })

  useEffect(() => {
    void stores.flows.getState().load()
  }, [stores])

  return (
    <FlowsProvider store={stores.flows}>
      <ChatProvider store={stores.chat}>
        <div className="workspace">
          <Sidebar />
          <FlowPane />
        </div>
      </ChatProvider>
    </FlowsProvider>
  )
}
