import { useEffect } from 'react'
import { openRunStream } from '../api/run-stream'
import { useRunsServices } from './RunsProvider'

// The live stream normally refreshes the history; this catches what it cannot (e.g. while reconnecting).
const POLL_INTERVAL_MS = 5_000

/** While mounted, follows one flow's runs: the live event stream plus a polled history. */
export function useRunStream(flowId: string): void {
  const { store, runsApi } = useRunsServices()

  useEffect(() => {
    const runs = store.getState()
    void runs.load(flowId)
    const stop = openRunStream(
      flowId,
      // Opened again later: the server replays what happened meanwhile.
      runs.flows[flowId]?.lastEventId ?? null,
      {
        onEvent: (event, id) => store.getState().receive(flowId, event, id),
        onReset: (list) => store.getState().resync(flowId, list),
        onStatus: (status) => store.getState().setStream(flowId, status),
      },
    )
    const timer = window.setInterval(() => {
      // A hidden window has nobody to show it to.
      if (!document.hidden) void store.getState().load(flowId)
    }, POLL_INTERVAL_MS)
    return () => {
      window.clearInterval(timer)
      stop()
      store.getState().setStream(flowId, 'closed')
    }
  }, [flowId, store, runsApi])
}
