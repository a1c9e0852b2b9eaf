import { appBridge } from '../api/connection'

/** A desktop notification through the bridge (native in Electron, Web Notifications in a browser). */
export function notify(title: string, body: string): void {
  try {
    void appBridge()
      .notify({ title, body })
      .catch(() => false)
  } catch {
    // No bridge yet (not connected): nothing to notify through.
  }
}
