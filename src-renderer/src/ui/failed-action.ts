// Every failed request is reported the same way: what was being done, to what,
// the server's reason, and a retry that makes exactly that request again.
import { errorMessage } from './format'

export interface FailedAction {
  /** What was being done, in the user's words: 'delete flow “Daily digest”'. */
  what: string
  /** Why it failed, as the server (or the network) put it. */
  reason: string
  /** Makes the failed request again; a new failure replaces this one. */
  retry: () => Promise<void>
}

/** Records a failure; `retry`'s result is ignored (the store reports how the retry went). */
export function failedAction(what: string, error: unknown, retry: () => Promise<unknown>): FailedAction {
  return {
    what,
    reason: errorMessage(error).trim() || 'no reason given',
    retry: async () => {
      await retry()
    },
  }
}

/** "Could not delete flow “Daily digest”: disk full" */
export function failureMessage(failed: Pick<FailedAction, 'what' | 'reason'>): string {
  return `Could not ${failed.what}: ${failed.reason}`
}

/** A name as it appears in a message: in quotes, or a stand-in when it is blank. */
export function quoted(name: string | undefined): string {
  const trimmed = name?.trim() ?? ''
  return trimmed === '' ? 'without a name' : `“${trimmed}”`
}

/**
 * What is left to report once the request `what` has gone through: its own
 * failure is over, a different one still stands (a delete that failed is not
 * undone by a list that loaded).
 */
export function afterSuccess(failed: FailedAction | null, what: string): FailedAction | null {
  return failed !== null && failed.what === what ? null : failed
}
