import { appBridge } from '../api/connection'

/**
 * A desktop notification through the bridge (native in Electron, Web
 * Notifications in a browser). `onClick` runs when the user clicks it; the
 * window is then in front.
 */
export function notify(title: string, body: string, onClick?: () => void): void {
  try {
    void appBridge()
      .notify({ title, body }, onClick)
      .catch(() => false)
  } catch {
    // No bridge yet (not connected): nothing to notify through.
  }
}

/** The user is looking elsewhere: another window has the focus, or this one is hidden or minimised. */
export function windowInBackground(): boolean {
  return document.visibilityState === 'hidden' || !document.hasFocus()
}
