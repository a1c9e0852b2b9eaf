import { useEffect, useState } from 'react'
import { createApiClient } from '../api/client'
import type { AppConnection } from '../api/connection'
import { createFlowsApi } from '../api/flows'
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
  // One store per connection; useState's initialiser runs once per mount.
  const [store] = useState(() => {
    const client = createApiClient({
      apiBase: connection.apiBase,
      token: connection.token,
      onUnauthorized,
    })
    return createFlowsStore(createFlowsApi(client))
  })

  useEffect(() => {
    void store.getState().load()
  }, [store])

  return (
    <FlowsProvider store={store}>
      <div className="workspace">
        <Sidebar />
        <FlowPane />
      </div>
    </FlowsProvider>
  )
}
