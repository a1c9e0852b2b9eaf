import { useEffect } from 'react'
import { followAppEvents } from '../api/app-events-stream'
import { decodeRunFinished } from '../api/run-finished'
import { logToConsole } from '../console/store'
import { useFlowsStore } from '../flows/FlowsProvider'
import { useSettings } from '../settings/store'
import { notify, windowInBackground } from '../shell/notify'
import { useShell } from '../shell/store'
import { runNotice } from './run-notification'

/**
 * A run of any flow that ends — a cron run of a flow that is not open, too — is
 * noted in the console; when the window is in the background (and notifications
 * are on) the desktop is told as well, and a click on it opens that flow.
 */
export function useRunNotifications(): void {
  const flows = useFlowsStore()
  useEffect(
    () =>
      followAppEvents({
        onEvent: (message) => {
          const run = decodeRunFinished(message)
          if (!run) return
          const { title, body, level } = runNotice(run)
          logToConsole(level, 'run', `${title}: ${body}`)
          if (!useSettings.getState().notifications || !windowInBackground()) return
          notify(title, body, () => {
            window.focus()
            flows.getState().select(run.flow_id)
            useShell.getState().show('flow')
          })
        },
      }),
    [flows],
  )
}
