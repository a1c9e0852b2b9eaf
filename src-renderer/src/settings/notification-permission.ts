// The Web Notification permission, where the page has that API (a browser, or
// Electron's renderer, which grants it); 'unsupported' elsewhere.
export type NotificationPermissionState = 'default' | 'denied' | 'granted' | 'unsupported'

interface NotificationApi {
  permission: 'default' | 'denied' | 'granted'
  requestPermission(): Promise<'default' | 'denied' | 'granted'>
}

const notificationApi = (): NotificationApi | undefined => Reflect.get(globalThis, 'Notification') as NotificationApi | undefined

export function notificationPermission(): NotificationPermissionState {
  return notificationApi()?.permission ?? 'unsupported'
}

/** Asks once when nothing is decided yet; answers what the permission is afterwards. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  const api = notificationApi()
  if (!api) return 'unsupported'
  if (api.permission !== 'default') return api.permission
  try {
    return await api.requestPermission()
  } catch {
    return api.permission
  }
}
