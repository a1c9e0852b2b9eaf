import { createContext, useContext, type ReactNode } from 'react'
import type { ApiClient } from '../api/client'
import type { AppConnection } from '../api/connection'

interface ApiContextValue {
  client: ApiClient
  connection: AppConnection
}

const ApiContext = createContext<ApiContextValue | null>(null)

/** The signed-in API client, for features that call the API directly. */
export function ApiProvider({ client, connection, children }: ApiContextValue & { children: ReactNode }) {
  return <ApiContext.Provider value={{ client, connection }}>{children}</ApiContext.Provider>
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext)
  if (!value) throw new Error('useApi outside ApiProvider')
  return value
}
