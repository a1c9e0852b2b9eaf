// The only writer of an open flow: every document change is saved at most a
// second later (debounced), flushed when the window loses focus or closes,
// retried with backoff when the server cannot be reached, and never written
// over a newer version (If-Match) — a conflict is shown instead.
import type { Flow, FlowConflict } from '../../../src-main/contract/api'
import { ApiError } from '../api/client'
import type { FlowDoc } from './edits'
import type { EditorStore } from './store'

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; retrying: boolean }
  | { state: 'conflict'; theirs: Flow }

export interface FlowWriter {
  put(flowId: string, doc: FlowDoc, ifMatch: string | null, keepalive: boolean): Promise<Flow>
}

export interface SaveQueue {
  /** Saves now whatever is waiting; resolves when the document as it was is on the server (or failed). */
  flush(options?: { keepalive?: boolean }): Promise<void>
  /** Drops our version and takes the newer one from the conflict. */
  takeTheirs(): void
  /** Writes our version over the newer one. */
  keepMine(): void
  dispose(): void
}

const DEBOUNCE_MS = 300
const MAX_WAIT_MS = 1000
const RETRY_MS = [1000, 2000, 4000, 8000, 15000]

export function createSaveQueue(store: EditorStore, writer: FlowWriter, report: (status: SaveStatus, flow: Flow | null) => void): SaveQueue {
  let savedDoc = store.getState().doc
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstPendingAt = 0
  let inFlight: Promise<void> | null = null
  let attempt = 0
  let conflict: Flow | null = null
  let disposed = false

  const schedule = (delay: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => void save(false), delay)
  }

  const save = async (keepalive: boolean): Promise<void> => {
    clearTimeout(timer)
    firstPendingAt = 0
    if (inFlight) {
      await inFlight
      if (store.getState().doc !== savedDoc) return save(keepalive)
      return
    }
    const { flowId, doc, baseUpdatedAt } = store.getState()
    if (!flowId || !doc || doc === savedDoc || conflict || disposed) return
    report({ state: 'saving' }, null)
    inFlight = (async () => {
      try {
        const flow = await writer.put(flowId, doc, baseUpdatedAt, keepalive)
        if (store.getState().flowId !== flowId) return
        savedDoc = doc
        attempt = 0
        store.getState().saved(flow.updated_at)
        const upToDate = store.getState().doc === doc
        report(upToDate ? { state: 'saved' } : { state: 'pending' }, flow)
        if (!upToDate) schedule(DEBOUNCE_MS)
      } catch (error) {
        if (error instanceof ApiError && error.status === 412 && isConflict(error.body)) {
          conflict = error.body.flow
          report({ state: 'conflict', theirs: conflict }, null)
          return
        }
        // Unreachable server or its own failure: try again later; a refused body will not get better.
        const retrying = !(error instanceof ApiError) || error.status === 0 || error.status >= 500
        report({ state: 'failed', message: error instanceof Error ? error.message : String(error), retrying }, null)
        if (retrying && !disposed) schedule(RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!)
      } finally {
        inFlight = null
      }
    })()
    await inFlight
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.flowId !== previous.flowId) {
      // Another flow was loaded: it starts saved.
      savedDoc = state.doc
      conflict = null
      attempt = 0
      clearTimeout(timer)
      report({ state: 'saved' }, null)
      return
    }
    if (state.doc === previous.doc || state.doc === savedDoc || conflict) return
    const now = Date.now()
    if (firstPendingAt === 0) firstPendingAt = now
    report({ state: 'pending' }, null)
    // Debounced, but never more than a second behind the first unsaved edit.
    schedule(Math.max(0, Math.min(DEBOUNCE_MS, firstPendingAt + MAX_WAIT_MS - now)))
  })

  return {
    async flush(options = {}) {
      await save(options.keepalive ?? false)
    },
    takeTheirs() {
      if (!conflict) return
      const theirs = conflict
      // Still marked as in conflict while loading, so their version is not saved back.
      store.getState().load(theirs)
      savedDoc = store.getState().doc
      conflict = null
      report({ state: 'saved' }, theirs)
    },
    keepMine() {
      if (!conflict) return
      store.getState().saved(conflict.updated_at)
      conflict = null
      void save(false)
    },
    dispose() {
      disposed = true
      clearTimeout(timer)
      unsubscribe()
    },
  }
}

function isConflict(body: unknown): body is FlowConflict {
  return typeof body === 'object' && body !== null && 'flow' in body && typeof (body as FlowConflict).flow === 'object'
}
