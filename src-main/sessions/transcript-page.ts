// Paging a stored transcript from the newest end. Pure, so it is tested on its own.
import type { TranscriptEntry, TranscriptPage } from '../contract/api'

export const DEFAULT_PAGE = 200
export const MAX_PAGE = 1000

/**
 * The `limit` entries just before `before` (a cursor; absent: the end), oldest
 * first, and the cursor of the next older page (null at the start).
 */
export function pageOf(entries: readonly TranscriptEntry[], before: number | undefined, limit: number): TranscriptPage {
  const end = before === undefined ? entries.length : lowerBound(entries, before)
  const start = Math.max(0, end - limit)
  const page = entries.slice(start, end)
  return { entries: page, next_before: start > 0 ? page[0]!.cursor : null }
}

/** Index of the first entry whose cursor is at least `cursor` (cursors increase). */
function lowerBound(entries: readonly TranscriptEntry[], cursor: number): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (Number(entries[mid]!.cursor) < cursor) low = mid + 1
    else high = mid
  }
  return low
}
