// Every change of the canvas cards' run state, in the order the page made
// them: a MutationObserver watches data-run-state, so a state that lasts a
// single frame is still seen, and nothing is sampled by polling.
import type { Page } from '@playwright/test'

export interface RunStateChange {
  node: string
  state: string
}

type Recorder = Window & { __runStateChanges?: RunStateChange[] }

/** Starts recording; install it before pressing Run. */
export async function recordRunStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const changes: RunStateChange[] = []
    ;(window as Recorder).__runStateChanges = changes
    new MutationObserver((records) => {
      for (const record of records) {
        const card = record.target as Element
        const state = card.getAttribute('data-run-state') ?? ''
        if (state !== record.oldValue) changes.push({ node: card.getAttribute('data-node-id') ?? '', state })
      }
    }).observe(document.body, { subtree: true, attributeFilter: ['data-run-state'], attributeOldValue: true })
  })
}

/** The changes recorded so far. */
export function runStateChanges(page: Page): Promise<RunStateChange[]> {
  return page.evaluate(() => (window as Recorder).__runStateChanges ?? [])
}

/** The states node `id` went through, in order. */
export const statesOf = (changes: readonly RunStateChange[], id: string): string[] => changes.filter((change) => change.node === id).map((change) => change.state)
