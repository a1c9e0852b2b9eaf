// What to do when a notification is clicked, by the number it was shown with.
// Only the newest few are kept: older ones have long left the screen.

const KEEP = 50

export interface ClickBook {
  /** Keeps `onClick`; returns its number. */
  remember(onClick: () => void): number
  /** Runs (once) what was kept under this number, if anything. */
  clicked(clickId: unknown): void
}

export function createClickBook(): ClickBook {
  const waiting = new Map<number, () => void>()
  let next = 1
  return {
    remember(onClick) {
      const clickId = next++
      waiting.set(clickId, onClick)
      // A Map keeps insertion order: the first key is the oldest.
      if (waiting.size > KEEP) waiting.delete(waiting.keys().next().value!)
      return clickId
    },
    clicked(clickId) {
      if (typeof clickId !== 'number') return
      const onClick = waiting.get(clickId)
      waiting.delete(clickId)
      onClick?.()
    },
  }
}
