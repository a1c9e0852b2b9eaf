// Running one turn of a chat against a real `claude` process (§6.7, §6.8 as
// amended by §15.4). Every way a turn can end — result, stop, process death,
// spawn or stdin failure, timeout — ends in exactly one place, so the caller
// can always reset the session.
import { asksOverStdio, flowTurnArgs, interruptLine, nodeSessionArgs, processFlags, userMessageLine, type PermissionPolicy } from '../agent/claude-command'
import type { ClaudeProcess, Exit } from '../agent/claude-process'
import { startClaude, type ClaudeRuntime } from '../agent/claude-runtime'
import type { LivePool, LiveSession } from '../agent/live-pool'
import { mapStdoutLine, resultEvent, roundCost, turnCost, type MappedLine, type ResultLine, type ToolPermissionAsk, type TurnEvent } from '../agent/stream-json'
import type { ChatImage } from '../contract/chat'
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
  /** Sent before the text, as image blocks of a stream-json message. */
  images: readonly ChatImage[]
  permissions: readonly string[] | PermissionPolicy
  /** A tool asks for permission; `write` sends the answer line to the process. */
  onPermission?: (ask: ToolPermissionAsk, write: (line: string) => void) => void
  /** The process listed its slash commands (each `init` line). */
  onSlashCommands?: (commands: string[]) => void
  /** Given to every process the turn starts (new or resumed). */
  systemPrompt: string | undefined
  /** The Claude session already exists and must be resumed. */
  resume: boolean
  /** Called once a process has started the Claude session. */
  markCreated: () => void
  control: TurnControl
  emit: (event: TurnEvent) => void
}

/** What a turn learnt from its lines so far. */
interface TurnReading {
  /** The API failed for good: the result is no reply. */
  apiFailed: boolean
  /** `waiting` was sent. */
  waiting: boolean
}

const newReading = (): TurnReading => ({ apiFailed: false, waiting: false })

/**
 * Maps one stdout line of the turn's process, sends its events, and hands
 * what the job wants to know (questions, slash commands) to it. Both kinds of
 * chat announce the turn themselves (`system` first), so the CLI's own
 * system lines are read as a node chat reads them: never forwarded.
 */
function relayLine(job: TurnJob, child: ClaudeProcess, line: string, reading: TurnReading): MappedLine {
  const mapped = mapStdoutLine(line, 'node')
  for (const event of mapped.events) job.emit(event)
  // The CLI prints `init` once it has taken the message (a new process: once it has started): from here it waits for the API.
  if (mapped.init && !reading.waiting) {
    reading.waiting = true
    job.emit({ event: 'status', data: { state: 'waiting' } })
  }
  if (mapped.apiError !== undefined) reading.apiFailed = true
  if (mapped.slashCommands) job.onSlashCommands?.(mapped.slashCommands)
  if (mapped.permissionRequest) job.onPermission?.(mapped.permissionRequest, (answer) => void child.write(answer).catch(() => undefined))
  return mapped
}


type Outcome = { kind: 'result'; result: ResultLine } | { kind: 'exit'; exit: Exit } | { kind: 'write-failed'; error: Error }

/** A new process loads before it takes the message (a second or two); `init` ends this. */
function starting(job: TurnJob): void {
  job.emit({ event: 'status', data: { state: 'starting' } })
}

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
  const flags = processFlags(job.permissions, job.systemPrompt)
  let live: LiveSession | undefined = pool.get(key)
  if (live && live.flags !== flags) {
    // The executor's permission settings or system prompt changed since the process started: it goes, the session is resumed.
    await pool.end(key)
    live = undefined
  }
  if (live) {
    pool.setBusy(live, true)
    emit({ event: 'system', data: { message: 'Ready', session_id: session.session_id } })
  } else {
    const args = nodeSessionArgs(job.permissions, { sessionId: session.session_id, resume: job.resume, systemPrompt: job.systemPrompt })
    const child = await spawnForTurn(job, runtime, args)
    if (!child) return
    live = pool.add(key, child, flags)
    emit({ event: 'system', data: { message: 'Session started', session_id: session.session_id } })
    starting(job)
  }

  const entry = live
  const child = entry.process
  const interruptId = `stop-${session.session_id}-${session.message_count}`
  const clearTimeout_ = armTimeout(job, runtime)
  let killTimer: NodeJS.Timeout | null = null
  const reading = newReading()
  const outcome = await new Promise<Outcome>((resolve) => {
    child.onStderr((line) => emit({ event: 'stderr', data: line }))
    child.onStdout((line) => {
      const mapped = relayLine(job, child, line, reading)
      if (mapped.result) resolve({ kind: 'result', result: mapped.result })
    })
    void child.exited.then((exit) => resolve({ kind: 'exit', exit }))
    control.onStop((mode) => {
      // Interrupt keeps the process warm; if it does not answer in time, end it.
      if (mode === 'kill') return void pool.end(key)
      child.write(interruptLine(interruptId)).catch(() => void pool.end(key))
      killTimer ??= setTimeout(() => void pool.end(key), STOP_GRACE_MS)
    })
    child.write(userMessageLine(job.prompt, job.images)).catch((error: Error) => resolve({ kind: 'write-failed', error }))
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
      emit(resultEvent(outcome.result, cost, control.reason !== null, reading.apiFailed))
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
  // A process that may ask, or gets images, reads a stream-json message and keeps stdin open until its result.
  const streamed = asksOverStdio(job.permissions) || job.images.length > 0
  const args = flowTurnArgs(job.permissions, { sessionId: session.session_id, resume: job.resume, systemPrompt: job.systemPrompt }, streamed)
  const child = await spawnForTurn(job, runtime, args)
  if (!child) return
  // The original said this at the CLI's init line; said at once, the turn starts with `system` before any status.
  emit({ event: 'system', data: { message: 'Session initialized', session_id: session.session_id } })
  starting(job)
  let last: ResultLine | undefined
  const reading = newReading()
  child.onStderr((line) => emit({ event: 'stderr', data: line }))
  child.onStdout((line) => {
    const mapped = relayLine(job, child, line, reading)
    if (mapped.result) {
      last = mapped.result
      emit(resultEvent(mapped.result, mapped.result.reportedCost, control.reason !== null, reading.apiFailed))
      if (streamed) child.endInput()
    }
  })
  // A timeout or stop ends the one-shot process; its exit ends the turn.
  control.onStop(() => void child.kill())
  const clearTimeout_ = armTimeout(job, runtime)
  try {
    await child.write(streamed ? userMessageLine(job.prompt, job.images) : job.prompt)
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
