import { useEffect } from 'react'
import { notify } from '../shell/notify'
import { useSettings } from '../settings/store'
import { logToConsole } from '../console/store'
import { useRunsServices } from './RunsProvider'

/**
 * A run that ends is noted in the console; when the window is not focused
 * (and notifications are on) the desktop is told too.
 */
export function useRunNotifications(): void {
  const { store } = useRunsServices()
  useEffect(() => {
    const seen = new Set<string>()
    return store.subscribe((state, previous) => {
      for (const [flowId, runs] of Object.entries(state.flows)) {
        const before = previous.flows[flowId]
        if (runs.log === before?.log) continue
        for (const group of runs.log) {
          const last = group.lines[group.lines.length - 1]
          if (!last || seen.has(group.runId)) continue
          const ended = last.type === 'run_completed' || last.type === 'run_failed' || last.type === 'run_cancelled'
          if (!ended) continue
          seen.add(group.runId)
          // Lines replayed from before this window opened are old news.
          if (Date.now() - Date.parse(last.timestamp) > 60_000) continue
          const level = last.type === 'run_failed' ? 'error' : last.type === 'run_cancelled' ? 'warn' : 'info'
          logToConsole(level, 'run', `${flowId.slice(0, 8)} ${last.type.replace('run_', '')}: ${last.message}`)
          if (useSettings.getState().notifications && !document.hasFocus()) {
            const title = last.type === 'run_failed' ? 'Run failed' : last.type === 'run_cancelled' ? 'Run cancelled' : 'Run finished'
            notify(title, last.message)
          }
        }
      }
    })
  }, [store])
}
