// Cron expressions as the contract reads them (§10.2, §10.7): exactly five
// fields (or a nickname), evaluated in UTC, day-of-month and day-of-week OR-ed.
import { Cron } from 'croner'

export type CronParse = { ok: true; cron: Cron } | { ok: false; error: string }

export function parseCron(expression: string): CronParse {
  const fields = expression.trim().split(/\s+/).filter(Boolean)
  if (!expression.trim().startsWith('@')) {
    if (fields.length === 6) return { ok: false, error: 'Invalid pattern: Pattern must consist of five fields, seconds are not allowed by configuration.' }
    if (fields.length !== 5) return { ok: false, error: 'Invalid pattern: Pattern must consist of five or six fields (minute, hour, day, month, day of week, and optional second).' }
  }
  try {
    return { ok: true, cron: new Cron(expression.trim(), { timezone: 'UTC', paused: true, mode: '5-part', domAndDow: false }) }
  } catch (error) {
    return { ok: false, error: `Component error: ${(error as Error).message.replace(/^CronPattern: /, '')}` }
  }
}

/** Up to `count` occurrences after `from`, each at least a second after the previous (§10.5). */
export function upcoming(cron: Cron, from: Date, count = 5): Date[] {
  const times: Date[] = []
  let cursor = from
  while (times.length < count) {
    const next = cron.nextRun(cursor)
    if (!next) break
    times.push(next)
    cursor = new Date(next.getTime() + 1000)
  }
  return times
}

/** Cron times print without a fraction: `2026-02-24T16:00:00+00:00`. */
export function cronTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`
}
