import type { CronCheck } from './useCronValidation'
import { formatLocalRun, formatUtcRun, localZoneName } from './schedule-format'

// Three is enough to see the pattern (weekdays, hours) without a wall of dates.
const SHOWN_RUNS = 3

/** What the typed expression means: the next runs, or what is wrong with it. */
export function CronPreview({ check }: { check: CronCheck }) {
  switch (check.state) {
    case 'empty':
      return <p className="cron-preview cron-preview--muted">Enter a cron expression, e.g. 0 9 * * 1-5.</p>
    case 'checking':
      return <p className="cron-preview cron-preview--muted">Checking…</p>
    case 'invalid':
    case 'unknown':
      return (
        <p className="cron-preview cron-preview--error" data-testid="cron-error">
          {check.error}
        </p>
      )
    case 'valid':
      // Valid syntax can still name a date that never comes (e.g. 31 February).
      if (check.nextRuns.length === 0) {
        return (
          <p className="cron-preview cron-preview--error" data-testid="cron-error">
            Valid, but it never runs: no date matches.
          </p>
        )
      }
      return (
        <div className="cron-preview" data-testid="cron-next-runs">
          <p className="cron-preview__title">Next runs ({localZoneName()}):</p>
          <ul className="cron-preview__list">
            {check.nextRuns.slice(0, SHOWN_RUNS).map((run) => (
              <li key={run} data-testid="cron-next-run">
                <time dateTime={run}>{formatLocalRun(run)}</time> <span className="schedule__utc">· {formatUtcRun(run)}</span>
              </li>
            ))}
          </ul>
        </div>
      )
  }
}
