// Follows the user's locale; one formatter is enough for every timestamp on screen.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
// Without the year: short enough for one line in the sidebar.
const shortDateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
})

/** A readable local date and time for an ISO timestamp (the raw text if it does not parse). */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

/** The compact form for lists; the full one belongs in a tooltip. */
export function formatShortTimestamp(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : shortDateTime.format(date)
}

/** "1 node", "3 nodes". */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
