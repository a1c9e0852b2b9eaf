// Running one turn of a chat against a real `claude` process (§6.7, §6.8 as
// amended by §15.4). Every way a turn can end — result, stop, process death,
// spawn or stdin failure, timeout — ends in exactly one place, so the caller
// can always reset the session.
import { asksOverStdio, flowTurnArgs, interruptLine, nodeSessionArgs, userMessageLine, type PermissionPolicy } from '../agent/claude-command'
import type { ClaudeProcess, Exit } from '../agent/claude-process'
import { startClaude, type ClaudeRuntime } from '../agent/claude-runtime'
import type { LivePool, LiveSession } from '../agent/live-pool'
import { mapStdoutLine, resultEvent, roundCost, turnCost, type MappedLine, type ResultLine, type ToolPermissionAsk, type TurnEvent } from '../agent/stream-json'
import type { InteractSession } from './model'
import type { SessionState } from './session-store'

export const STOP_GRACE_MS = 5_000

/** How a turn is asked to end early. */
export type StopMode = 'interrupt' | 'kill'

export class TurnControl {
  reason: 'stop' | 'timeout' | null = null
  private handler: ((mode: StopMode) => void) | null = null
  private pending: StopMode | null = null

  /** The running turn registers how it stops; a request made earlier is applied now. */
  onStop(handler: (mode: StopMode) => void): void {
    this.handler = handler
    if (this.pending) handler(this.pending)
  }

  request(mode: StopMode, reason: 'stop' | 'timeout'): void {
    this.reason ??= reason
    if (this.handler) this.handler(mode)
    else this.pending = mode
  }
}

export interface TurnJob {
  session: InteractSession
  state: SessionState
  prompt: string
  permissions: readonly string[] | PermissionPolicy
  /** A tool asks for permission; `write` sends the answer line to the process. */
  onPermission?: (ask: ToolPermissionAsk, write: (line: string) => void) => void
  /** Only used when the Claude session is created (first process). */
  systemPrompt: string | undefined
  /** The Claude session already exists and must be resumed. */
  resume: boolean
  /** Called once a process has started the Claude session. */
  markCreated: () => void
  control: TurnControl
  emit: (event: TurnEvent) => void
}

/** Hands a `can_use_tool` question of this turn's process to the job. */
function forwardPermission(job: TurnJob, mapped: MappedLine, child: ClaudeProcess): void {
  if (mapped.permissionRequest) job.onPermission?.(mapped.permissionRequest, (line) => void child.write(line).catch(() => undefined))
}

type Outcome = { kind: 'result'; result: ResultLine } | { kind: 'exit'; exit: Exit } | { kind: 'write-failed'; error: Error }

/** Starts the turn's process, or reports why it could not and returns null. */
async function spawnForTurn(job: TurnJob, runtime: ClaudeRuntime, args: string[]): Promise<ClaudeProcess | null> {
  try {
    const child = await startClaude(runtime, args, job.session.working_dir)
    job.markCreated()
    job.state.activePid = child.pid
    return child
  } catch (error) {
    job.emit({ event: 'error', data: { message: `failed to spawn claude: ${error instanceof Error ? error.message : String(error)}` } })
    return null
  }
}

function endedEarly(control: TurnControl, runtime: ClaudeRuntime, exit: Exit): string {
  if (control.reason === 'timeout') return `turn timed out after ${Math.round(runtime.turnTimeoutMs / 1000)} s`
  if (control.reason === 'stop') return 'claude was stopped before it finished'
  return `claude exited before finishing the turn (exit code ${exit.code}${exit.signal ? `, ${exit.signal}` : ''})`
}

/** Starts the turn's timeout; returns the function that clears it. */
function armTimeout(job: TurnJob, runtime: ClaudeRuntime): () => void {
  const timer = setTimeout(() => job.control.request('interrupt', 'timeout'), runtime.turnTimeoutMs)
  timer.unref()
  return () => clearTimeout(timer)
}

/** A node-chat turn on the session's persistent process (spawned or resumed if needed). */
export async function runNodeTurn(job: TurnJob, key: string, pool: LivePool, runtime: ClaudeRuntime): Promise<void> {
  const { session, state, emit, control } = job
  let live: LiveSession | undefined = pool.get(key)
  if (live) {
    pool.setBusy(live, true)
    emit({ event: 'system', data: { message: 'Ready', session_id: session.session_id } })
  } else {
    const args = nodeSessionArgs(job.permissions, { sessionId: session.session_id, resume: job.resume, systemPrompt: job.systemPrompt })
    const child = await spawnForTurn(job, runtime, args)
    if (!child) return
    live = pool.add(key, child)
    emit({ event: 'system', data: { message: 'Session started', session_id: session.session_id } })
  }

  const entry = live
  const child = entry.process
  const interruptId = `stop-${session.session_id}-${session.message_count}`
  const clearTimeout_ = armTimeout(job, runtime)
  let killTimer: NodeJS.Timeout | null = null
  const outcome = await new Promise<Outcome>((resolve) => {
    child.onStderr((line) => emit({ event: 'stderr', data: line }))
    child.onStdout((line) => {
      const mapped = mapStdoutLine(line, 'node')
      for (const event of mapped.events) emit(event)
      forwardPermission(job, mapped, child)
      if (mapped.result) resolve({ kind: 'result', result: mapped.result })
    })
    void child.exited.then((exit) => resolve({ kind: 'exit', exit }))
    control.onStop((mode) => {
      // Interrupt keeps the process warm; if it does not answer in time, end it.
      if (mode === 'kill') return void pool.end(key)
      child.write(interruptLine(interruptId)).catch(() => void pool.end(key))
      killTimer ??= setTimeout(() => void pool.end(key), STOP_GRACE_MS)
    })
    child.write(userMessageLine(job.prompt)).catch((error: Error) => resolve({ kind: 'write-failed', error }))
  })
  clearTimeout_()
  if (killTimer) clearTimeout(killTimer)
  child.onStdout(null)
  child.onStderr(null)
  control.onStop(() => undefined)

  switch (outcome.kind) {
    case 'result': {
      const { cost, total } = turnCost(entry.reportedTotal, outcome.result.reportedCost)
      entry.reportedTotal = total
      emit(resultEvent(outcome.result, cost, control.reason !== null))
      session.message_count += 1
      session.total_cost = roundCost(session.total_cost + cost)
      if (control.reason === 'timeout') emit({ event: 'error', data: { message: endedEarly(control, runtime, { code: 0, signal: null }) } })
      emit({ event: 'done', data: { exit_code: 0 } })
      if (!child.hasExited) pool.setBusy(entry, false)
      return
    }
    case 'exit':
      state.activePid = null
      session.message_count += 1
      emit({ event: 'error', data: { message: endedEarly(control, runtime, outcome.exit) } })
      emit({ event: 'done', data: { exit_code: outcome.exit.code } })
      return
    case 'write-failed':
      await pool.end(key)
      state.activePid = null
      emit({ event: 'error', data: { message: `stdin write failed: ${outcome.error.message}. Session will restart on next message.` } })
  }
}

/** A flow-level (lead agent) turn: one process per message, prompt on stdin. */
export async function runFlowTurn(job: TurnJob, runtime: ClaudeRuntime): Promise<void> {
  const { session, state, emit, control } = job
  const args = flowTurnArgs(job.permissions, { sessionId: session.session_id, resume: job.resume, systemPrompt: job.systemPrompt })
  const child = await spawnForTurn(job, runtime, args)
  if (!child) return
  let last: ResultLine | undefined
  // A process that may ask reads a stream-json message and keeps stdin open until its result.
  const streamed = asksOverStdio(job.permissions)
  child.onStderr((line) => emit({ event: 'stderr', data: line }))
  child.onStdout((line) => {
    const mapped = mapStdoutLine(line, 'flow')
    for (const event of mapped.events) emit(event.event === 'system' ? { event: 'system', data: { ...event.data, session_id: session.session_id } } : event)
    forwardPermission(job, mapped, child)
    if (mapped.result) {
      last = mapped.result
      emit(resultEvent(mapped.result, mapped.result.reportedCost, control.reason !== null))
      if (streamed) child.endInput()
    }
  })
  // A timeout or stop ends the one-shot process; its exit ends the turn.
  control.onStop(() => void child.kill())
  const clearTimeout_ = armTimeout(job, runtime)
  try {
    await child.write(streamed ? userMessageLine(job.prompt) : job.prompt)
    if (!streamed) child.endInput()
  } catch (error) {
    clearTimeout_()
    await child.kill()
    state.activePid = null
    emit({ event: 'error', data: { message: `stdin write failed: ${(error as Error).message}` } })
    return
  }
  const exit = await child.exited
  clearTimeout_()
  state.activePid = null
  session.message_count += 1
  session.total_cost = roundCost(session.total_cost + (last?.reportedCost ?? 0))
  // Stopped, timed out, or dead without a result: say so before `done` (§15.4).
  if (control.reason !== null || last === undefined) emit({ event: 'error', data: { message: endedEarly(control, runtime, exit) } })
  emit({ event: 'done', data: { exit_code: exit.code } })
}
