import { useEffect, useState } from 'react'
import { errorMessage } from '../ui/format'
import { useRunsServices } from '../runs/RunsProvider'

export type CronCheck =
  | { state: 'empty' }
  | { state: 'checking' }
  | { state: 'valid'; nextRuns: string[] }
  | { state: 'invalid'; error: string }
  /** The check itself failed (e.g. the server is unreachable). */
  | { state: 'unknown'; error: string }

type Outcome = Extract<CronCheck, { state: 'valid' | 'invalid' | 'unknown' }>

// Long enough that typing a whole expression sends one request, short enough to feel live.
const DEBOUNCE_MS = 400

/** Validates a cron expression on the server as it is typed, once typing pauses. */
export function useCronValidation(expression: string): CronCheck {
  const { scheduleApi } = useRunsServices()
  // Tagged with the text it is about, so a stale answer never passes for the current text.
  const [result, setResult] = useState<{ expression: string; outcome: Outcome } | null>(null)
  const text = expression.trim()

  useEffect(() => {
    if (text === '') return
    let cancelled = false
    const timer = window.setTimeout(() => {
      scheduleApi.validateCron(text).then(
        (answer) => {
          if (cancelled) return
          const outcome: Outcome = answer.valid
            ? { state: 'valid', nextRuns: answer.next_runs }
            : { state: 'invalid', error: answer.error ?? 'invalid cron expression' }
          setResult({ expression: text, outcome })
        },
        (error: unknown) => {
          if (!cancelled) setResult({ expression: text, outcome: { state: 'unknown', error: errorMessage(error) } })
        },
      )
    }, DEBOUNCE_MS)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [text, scheduleApi])

  if (text === '') return { state: 'empty' }
  return result?.expression === text ? result.outcome : { state: 'checking' }
}
