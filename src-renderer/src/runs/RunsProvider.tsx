import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { RunsApi } from '../api/runs'
import type { ScheduleApi } from '../api/schedule'
import type { RunsState, RunsStore } from './store'

/** The runs store, plus the APIs the run and schedule hooks call directly. */
export interface RunsServices {
  store: RunsStore
  runsApi: RunsApi
  scheduleApi: ScheduleApi
}

const RunsContext = createContext<RunsServices | null>(null)

export function RunsProvider({ services, children }: { services: RunsServices; children: ReactNode }) {
  return <RunsContext value={services}>{children}</RunsContext>
}

/** Subscribe to one slice of the runs store; re-renders only when that slice changes. */
export function useRuns<T>(selector: (state: RunsState) => T): T {
  return useStore(useRunsServices().store, selector)
}

export function useRunsServices(): RunsServices {
  const services = useContext(RunsContext)
  if (!services) throw new Error('useRuns must be used inside <RunsProvider>')
  return services
}
