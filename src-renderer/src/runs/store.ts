import { createStore, type StoreApi } from 'zustand/vanilla'
import type { FlowRun, RunEvent } from '../../../src-main/contract/api'
import type { RunsApi } from '../api/runs'
import type { RunStreamStatus } from '../api/run-stream'
import { afterSuccess, failedAction, type FailedAction } from '../ui/failed-action'
import { appendRunEvent, type RunLogGroup } from './run-log'

/** Everything the Runs section shows for one flow. */
export interface FlowRuns {
  /** Newest first, as the server lists them. */
  runs: FlowRun[]
  loaded: boolean
  /** The last failed request (history, start, cancel), until dismissed or that request succeeds. */
  failed: FailedAction | null
  log: readonly RunLogGroup[]
  /** The newest live event seen, to resume after when the flow is opened again. */
  lastEventId: string | null
  stream: RunStreamStatus | 'closed'
  /** Set when the live stream had to start over and lines may be missing. */
  notice: string | null
  triggering: boolean
  /** The executor output streamed during the newest run, by node id (bounded). */
  liveOutput: { runId: string; byNode: Record<string, string> } | null
}

export interface RunsState {
  /** By flow id. */
  flows: Record<string, FlowRuns>
  load(flowId: string): Promise<void>
  /** Resolves to whether the server accepted the run. */
  trigger(flowId: string, allowOverlap?: boolean): Promise<boolean>
  /** Resolves to whether the server stopped the run. */
  cancel(flowId: string, runId: string): Promise<boolean>
  receive(flowId: string, event: RunEvent, id: string): void
  resync(flowId: string, runs: FlowRun[]): void
  setStream(flowId: string, status: FlowRuns['stream']): void
  dismissNotice(flowId: string): void
  dismissFailed(flowId: string): void
}

export type RunsStore = StoreApi<RunsState>

export const EMPTY_FLOW_RUNS: FlowRuns = {
  runs: [],
  loaded: false,
  failed: null,
  log: [],
  lastEventId: null,
  stream: 'closed',
  notice: null,
  triggering: false,
  liveOutput: null,
}

// The open flow is the one named in the title bar, so these need not name it.
const LOAD_HISTORY = 'load the run history'
const START = 'start the run'
const CANCEL = 'cancel the run'

const RESET_NOTICE = 'The live log was reconnected but could not catch up on everything it missed; the history below is up to date.'

export function createRunsStore(api: RunsApi): RunsStore {
  return createStore<RunsState>()((set, get) => {
    // Polls, event-driven refreshes and triggers overlap: only the newest request may land.
    const loadSequence = new Map<string, number>()

    const patch = (flowId: string, change: (current: FlowRuns) => Partial<FlowRuns>): void =>
      set((state) => {
        const current = state.flows[flowId] ?? EMPTY_FLOW_RUNS
        return { flows: { ...state.flows, [flowId]: { ...current, ...change(current) } } }
      })
    const fail = (flowId: string, what: string, error: unknown, retry: () => Promise<unknown>): false => {
      patch(flowId, () => ({ failed: failedAction(what, error, retry) }))
      return false
    }
    const succeeded = (flowId: string, what: string): void => patch(flowId, (current) => ({ failed: afterSuccess(current.failed, what) }))

    return {
      flows: {},

      async load(flowId) {
        const sequence = (loadSequence.get(flowId) ?? 0) + 1
        loadSequence.set(flowId, sequence)
        try {
          const runs = await api.list(flowId)
          if (loadSequence.get(flowId) === sequence) patch(flowId, (current) => ({ runs, loaded: true, failed: afterSuccess(current.failed, LOAD_HISTORY) }))
        } catch (error) {
          if (loadSequence.get(flowId) === sequence) fail(flowId, LOAD_HISTORY, error, () => get().load(flowId))
        }
      },

      async cancel(flowId, runId) {
        try {
          await api.cancel(flowId, runId)
          succeeded(flowId, CANCEL)
          void get().load(flowId)
          return true
        } catch (error) {
          fail(flowId, CANCEL, error, () => get().cancel(flowId, runId))
          void get().load(flowId)
          return false
        }
      },

      async trigger(flowId, allowOverlap = false) {
        patch(flowId, () => ({ triggering: true }))
        try {
          await api.trigger(flowId, allowOverlap ? { allow_overlap: true } : {})
          patch(flowId, (current) => ({ triggering: false, failed: afterSuccess(current.failed, START) }))
          // The run record exists once the trigger answers; show it even if the stream is slow.
          void get().load(flowId)
          return true
        } catch (error) {
          patch(flowId, () => ({ triggering: false }))
          return fail(flowId, START, error, () => get().trigger(flowId, allowOverlap))
        }
      },

      receive(flowId, event, id) {
        if (isExecutorOutput(event)) {
          patch(flowId, (current) => ({ liveOutput: appendOutput(current.liveOutput, event), lastEventId: id === '' ? current.lastEventId : id }))
          return
        }
        patch(flowId, (current) => ({
          log: appendRunEvent(current.log, event, id),
          lastEventId: id === '' ? current.lastEventId : id,
        }))
        // A run appeared or ended: the history has news.
        if (event.event_type === 'run_started' || event.event_type === 'run_completed' || event.event_type === 'run_failed' || event.event_type === 'run_cancelled') {
          void get().load(flowId)
        }
      },

      resync(flowId, runs) {
        // Supersedes any list request still in flight.
        loadSequence.set(flowId, (loadSequence.get(flowId) ?? 0) + 1)
        // The old id cannot be resumed after; the next open starts fresh.
        patch(flowId, (current) => ({ runs, loaded: true, failed: afterSuccess(current.failed, LOAD_HISTORY), notice: RESET_NOTICE, lastEventId: null }))
      },

      setStream(flowId, status) {
        patch(flowId, () => ({ stream: status }))
      },

      dismissNotice(flowId) {
        patch(flowId, () => ({ notice: null }))
      },

      dismissFailed(flowId) {
        patch(flowId, () => ({ failed: null }))
      },
    }
  })
}

const LIVE_OUTPUT_LIMIT = 200_000

const isExecutorOutput = (event: RunEvent) => event.event_type === 'executor_text' || event.event_type === 'executor_tool_use' || event.event_type === 'executor_tool_result'

/** Streamed text joins as it comes; tool calls and results get a line of their own. */
function appendOutput(live: FlowRuns['liveOutput'], event: RunEvent): FlowRuns['liveOutput'] {
  const byNode = live && live.runId === event.run_id ? live.byNode : {}
  const nodeId = event.node_id ?? ''
  const piece = event.event_type === 'executor_text' ? event.message : `\n[${event.event_type === 'executor_tool_use' ? 'tool' : 'result'}] ${event.message}\n`
  const text = ((byNode[nodeId] ?? '') + piece).slice(-LIVE_OUTPUT_LIMIT)
  return { runId: event.run_id, byNode: { ...byNode, [nodeId]: text } }
}
