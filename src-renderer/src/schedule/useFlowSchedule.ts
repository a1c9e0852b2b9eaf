import { useEffect, useState } from 'react'
import type { FlowSchedule } from '../../../src-main/contract/api'
import { errorMessage } from '../ui/format'
import { useRunsServices } from '../runs/RunsProvider'

export interface ScheduleView {
  schedule: FlowSchedule | null
  error: string | null
}

// Next runs slide into the past as time goes by; look again now and then.
const REFRESH_MS = 60_000

/** The scheduler's view of a flow, fetched again whenever `version` changes (e.g. the flow was saved). */
export function useFlowSchedule(flowId: string, version: string): ScheduleView {
  const { scheduleApi } = useRunsServices()
  const [view, setView] = useState<ScheduleView>({ schedule: null, error: null })

  useEffect(() => {
    let cancelled = false
    const fetchSchedule = async (): Promise<void> => {
      try {
        const schedule = await scheduleApi.get(flowId)
        if (!cancelled) setView({ schedule, error: null })
      } catch (error) {
        if (!cancelled) setView((current) => ({ ...current, error: errorMessage(error) }))
      }
    }
    void fetchSchedule()
    const timer = window.setInterval(() => void fetchSchedule(), REFRESH_MS)
    return () => {
      cancelled = true
      window.clearInterval(timer)
    }
  }, [flowId, version, scheduleApi])

  return view
}
