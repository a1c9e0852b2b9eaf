// Cron times come as UTC instants; people plan in their own zone but the
// server (and a shared team) thinks in UTC, so both are shown.
const local = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const utc = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})

const parse = (iso: string): Date | null => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

export function formatLocalRun(iso: string): string {
  const date = parse(iso)
  return date === null ? iso : local.format(date)
}

export function formatUtcRun(iso: string): string {
  const date = parse(iso)
  return date === null ? iso : `${utc.format(date)} UTC`
}

/** The user's time zone by name, e.g. "Europe/Berlin". */
export function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
