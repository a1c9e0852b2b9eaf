// Cron schedules shared by every flow with the same expression. Flows tend to
// share a handful of schedules ("0 9 * * 1-5"), so each expression is parsed
// once, and the next fire after a given second is worked out once: minutes are
// the finest field, so the answer depends only on the whole second asked from.
// 10,000 flows on one schedule then cost one lookup at startup, and 200 flows
// firing on the same minute one lookup between them.
import type { Cron } from 'croner'
import { parseCron } from './cron'

export interface CronSchedule {
  /** The first fire strictly after `after`, or null when there is none (31 February). */
  next(after: Date): Date | null
}

export type ScheduleParse = { ok: true; schedule: CronSchedule } | { ok: false; error: string }

/** Distinct expressions kept; past this the oldest are parsed again when next asked. */
const KEPT_EXPRESSIONS = 1000
/** Seconds remembered per schedule: a fire asks from its own minute and from now. */
const KEPT_ANSWERS = 4

const known = new Map<string, ScheduleParse>()

export function cronSchedule(expression: string): ScheduleParse {
  let parse = known.get(expression)
  if (parse === undefined) {
    const parsed = parseCron(expression)
    parse = parsed.ok ? { ok: true, schedule: new SharedSchedule(parsed.cron) } : parsed
    if (known.size >= KEPT_EXPRESSIONS) known.delete(known.keys().next().value!)
    known.set(expression, parse)
  }
  return parse
}

class SharedSchedule implements CronSchedule {
  /** Whole second asked from → the answer, in milliseconds (NaN: none). */
  private readonly answers = new Map<number, number>()

  constructor(private readonly cron: Cron) {}

  next(after: Date): Date | null {
    const second = Math.floor(after.getTime() / 1000)
    let answer = this.answers.get(second)
    if (answer === undefined) {
      answer = this.cron.nextRun(after)?.getTime() ?? Number.NaN
      if (this.answers.size >= KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value!)
      this.answers.set(second, answer)
    }
    // A new Date each time: callers may keep or change theirs.
    return Number.isNaN(answer) ? null : new Date(answer)
  }
}
