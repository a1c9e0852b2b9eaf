// The two timestamp styles of the contract (§0). Both are RFC 3339 in UTC.

/** Style A, for stored objects: `2026-02-24T10:15:30.123Z`, fraction only when non-zero. */
export function storedTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace('.000Z', 'Z')
}

/** Style B, for session creation and cron times: `2026-02-24T10:15:30.123+00:00`. */
export function offsetTimestamp(date: Date = new Date()): string {
  return storedTimestamp(date).replace(/Z$/, '+00:00')
}
