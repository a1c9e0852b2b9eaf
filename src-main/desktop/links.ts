// Which URLs the window may show itself: only the app under the backend's
// own origin. Everything else opens in the system browser.

export function isAppUrl(url: string, backendUrl: string): boolean {
  try {
    const target = new URL(url)
    return target.origin === new URL(backendUrl).origin && target.pathname.startsWith('/app/')
  } catch {
    return false
  }
}

/** Only web and mail links are handed to the system; never file: or custom schemes. */
export function isExternalLink(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}
