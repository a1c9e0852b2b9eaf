import { useCallback, useEffect, useState } from 'react'
import { forgetToken } from './api/connection'
import { AuthNotice } from './shell/AuthNotice'
import { Header } from './shell/Header'
import { Workspace } from './shell/Workspace'
import { useConnection } from './shell/useConnection'
import { useHealth } from './shell/useHealth'

export function App() {
  const connectionState = useConnection()
  const [unauthorized, setUnauthorized] = useState(false)
  const apiBase = connectionState.phase === 'ready' ? connectionState.connection.apiBase : null
  const health = useHealth(apiBase)

  // A new connection (a fresh token from the URL) gets a fresh chance.
  const connection = connectionState.phase === 'ready' ? connectionState.connection : null
  useEffect(() => setUnauthorized(false), [connection])

  // Stable identity: the API client captures it once when the workspace mounts.
  const handleUnauthorized = useCallback(() => {
    forgetToken()
    setUnauthorized(true)
  }, [])

  // Signed in, the studio has its own title and status bars.
  if (connectionState.phase === 'ready' && !unauthorized) {
    return <Workspace key={connectionState.connection.token ?? ''} connection={connectionState.connection} onUnauthorized={handleUnauthorized} />
  }
  return (
    <div className="app">
      <Header health={health} />
      {connectionState.phase === 'resolving' && <p className="app-message">Connecting…</p>}
      {connectionState.phase === 'failed' && (
        <p className="app-message app-message--error" role="alert">
          Could not get the API connection: {connectionState.message}
        </p>
      )}
      {connectionState.phase === 'ready' && unauthorized && (
        <AuthNotice reason={connectionState.connection.token ? 'rejected' : 'missing'} source={connectionState.connection.source} />
      )}
    </div>
  )
}
