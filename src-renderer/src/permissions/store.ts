import { create } from 'zustand'
import type { PermissionAnswer, PermissionRequest, PermissionSettled } from '../../../src-main/contract/api'
import type { ApiClient } from '../api/client'
import { followAppEvents } from '../api/app-events-stream'
import { answerPermission, decodePermissionEvent, listPermissions } from '../api/permissions'
import { errorMessage } from '../ui/format'
import { useSettings } from '../settings/store'
import { notify, windowInBackground } from '../shell/notify'
import { notificationFor } from './permission-format'
import { EMPTY_PERMISSIONS, addRequest, answerFailed, dropMissing, markAnswering, settle, type PermissionData } from './permission-state'

export interface PermissionsState extends PermissionData {
  /** Answers a question; the card shows the outcome once the server settled it. */
  answer(id: string, answer: PermissionAnswer): Promise<void>
  /** A question or its outcome seen on another stream (a chat turn's). */
  receive(request: PermissionRequest): void
  receiveSettled(settled: PermissionSettled): void
}

// Set by startPermissions; answers need the signed-in client.
let apiClient: ApiClient | null = null

// Questions older than this when first seen (replayed on connect) do not raise a notification.
const FRESH_MS = 30_000

export const usePermissions = create<PermissionsState>()((set, get) => ({
  ...EMPTY_PERMISSIONS,

  async answer(id, body) {
    if (apiClient === null || get().answering[id]) return
    set((state) => markAnswering(state, id))
    try {
      const settled = await answerPermission(apiClient, id, body)
      set((state) => settle(state, settled))
    } catch (error) {
      set((state) => answerFailed(state, id, errorMessage(error)))
    }
  },

  receive: (request) => set((state) => addRequest(state, request)),
  receiveSettled: (settled) => set((state) => settle(state, settled)),
}))

function announce(request: PermissionRequest): void {
  if (!useSettings.getState().notifications || !windowInBackground()) return
  if (Date.now() - Date.parse(request.asked_at) > FRESH_MS) return
  const { title, body } = notificationFor(request)
  notify(title, body)
}

/** Follows the permissions stream (pending questions first on every connect); returns a stop function. */
export function startPermissions(client: ApiClient): () => void {
  apiClient = client
  const store = usePermissions
  const unsubscribe = followAppEvents({
    onOpen: () => {
      // Questions settled while we were disconnected are not re-sent: drop them.
      const before = new Set(Object.keys(store.getState().pending))
      void listPermissions(client)
        .then(({ permissions }) => store.setState((state) => dropMissing(state, before, new Set(permissions.map((p) => p.id)))))
        .catch(() => undefined)
    },
    onEvent: (message) => {
      let data: unknown
      try {
        data = JSON.parse(message.data)
      } catch {
        return
      }
      const event = decodePermissionEvent(message.event, data)
      if (event?.type === 'permission_request') {
        const isNew = !store.getState().pending[event.request.id] && !store.getState().settled[event.request.id]
        store.getState().receive(event.request)
        if (isNew) announce(event.request)
      } else if (event?.type === 'permission_settled') {
        store.getState().receiveSettled(event.settled)
      }
    },
  })
  return () => {
    unsubscribe()
    apiClient = null
  }
}
