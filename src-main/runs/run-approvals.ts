// Permission questions of a run's executor: nobody may be watching (cron), so
// each one is announced on the run's live stream and denied after a while
// without an answer, and the run goes on either way.
import { controlResponseLine } from '../agent/claude-command'
import type { ToolPermissionAsk } from '../agent/stream-json'
import type { FlowNode } from '../contract/api'
import { describeToolCall } from '../permissions/describe'
import type { PermissionRegistry } from '../permissions/registry'
import type { RunRecorder } from './run-recorder'

export const DEFAULT_APPROVAL_TIMEOUT_MS = 10 * 60 * 1000

export interface RunApprovals {
  /** The batch hook: hands one question to the registry. */
  onPermission: (ask: ToolPermissionAsk, write: (line: string) => void) => void
  /** The executor has ended: its open questions are cancelled. */
  done: () => void
}

export function runApprovals(registry: PermissionRegistry, recorder: RunRecorder, executor: FlowNode, workingDir: string, timeoutMs: number): RunApprovals {
  const runId = recorder.run.id
  const origin = { flowId: recorder.run.flow_id, nodeId: executor.id, sessionId: null, runId, workingDir }
  return {
    onPermission: (ask, write) => {
      const what = describeToolCall(ask.toolName, ask.input)
      registry.ask({
        origin,
        ask,
        timeoutMs,
        respond: (answer) => write(controlResponseLine(ask.requestId, answer)),
        notify: (event) => {
          if (event.event === 'permission_request') recorder.emit('log', executor.id, `waiting for approval: ${what}`)
          else if (event.data.outcome !== 'cancelled') recorder.emit('log', executor.id, `approval for ${what}: ${event.data.outcome.replace('_', ' ')}${event.data.message ? ` (${event.data.message})` : ''}`)
        },
      })
    },
    done: () => registry.cancelWhere((o) => o.runId === runId && o.nodeId === executor.id),
  }
}
