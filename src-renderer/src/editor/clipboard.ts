// Copy and paste of nodes, between flows and between windows: the fragment
// goes to localStorage (always readable) and to the system clipboard when allowed.
import { parseFragment, serializeFragment, type Fragment } from './fragments'

const KEY = 'shoggoth.clipboard'

export function copyToClipboard(fragment: Fragment): void {
  const text = serializeFragment(fragment)
  try {
    localStorage.setItem(KEY, text)
  } catch {
    // Storage off: the system clipboard below may still work.
  }
  void navigator.clipboard?.writeText(text).catch(() => undefined)
}

export function readClipboard(): Fragment | null {
  try {
    const text = localStorage.getItem(KEY)
    return text ? parseFragment(text) : null
  } catch {
    return null
  }
}
