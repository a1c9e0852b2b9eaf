import { useEffect } from 'react'
import { useApi } from '../shell/ApiContext'
import { startPermissions } from './store'

/** Follows tool-permission questions for as long as the workspace is mounted. */
export function usePermissionStream(): void {
  const { client } = useApi()
  useEffect(() => startPermissions(client), [client])
}
