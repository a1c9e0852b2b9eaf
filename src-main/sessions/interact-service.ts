// Chats with a flow (lead agent) and with each executor node: session
// resolution and the busy rule (§6.3), turns that outlive their HTTP client,
// stop, and session management (§4.9) with processes ended where sessions go.
import { randomUUID } from 'node:crypto'
import type { DeletedSessionResponse, Flow, NewSessionResponse, SessionListing, TranscriptPage } from '../contract/api'
import type { LivePool } from '../agent/live-pool'
import { poolKey } from '../agent/live-pool'
import type { FlowStore } from '../flows/flow-store'
import { HttpError, notFound } from '../http/errors'
import type { Logger } from '../log'
import type { DataDir } from '../storage/data-dir'
import { offsetTimestamp } from '../time'
import { executorSettings, findExecutor, type ExecutorSettings } from './executor-settings'
import { sessionKey, summarizePrompt, type FlowSessions, type InteractSession } from './model'
import { SessionEvents } from './session-events'
import type { SessionStore } from './session-store'
import { leadSystemPrompt, nodeSystemPrompt, nodesSummary } from './skill-doc'
import { writeSkillsDir } from './skills-dir'
import type { ClaudeRuntime } from '../agent/claude-runtime'
import { runFlowTurn, runNodeTurn, STOP_GRACE_MS, TurnControl, type StopMode, type TurnJob } from './turns'
import { controlResponseLine } from '../agent/claude-command'
import type { PermissionRegistry } from '../permissions/registry'
import type { TranscriptLog } from './transcript-log'
import type { ChatActivity } from './chat-activity'
import { refusedCommand, type SlashCommandStore } from './slash-commands'
import type { ChatImage, ChatTurnOutcome, SlashCommandsResponse } from '../contract/chat'
import { imageNotes } from './chat-images'

/** Tool approvals, stored transcripts, turn announcements, slash-command lists (each absent: not done). */
export interface ChatExtras {
  permissions?: PermissionRegistry
  transcripts?: TranscriptLog
  activity?: ChatActivity
  slashCommands?: SlashCommandStore
}

export interface TurnStart {
  events: SessionEvents
  /** Id of the turn's first event: a new request streams from here. */
  firstId: number
}


interface RunningTurn {
  control: TurnControl
  finished: Promise<void>
  /** The answer is complete (`done` sent); the turn is only being saved and closed. */
  answered: boolean
}

const SESSION_WARNING_AT = 10

export class InteractService {
  private readonly events = new Map<string, SessionEvents>()
  private readonly turns = new Map<string, RunningTurn>()
  /** Claude sessions created by a process in this run (resumed from then on). */
  private readonly created = new Set<string>()

  constructor(
    private readonly flows: FlowStore,
    private readonly store: SessionStore,
    private readonly pool: LivePool,
    private readonly runtime: ClaudeRuntime,
    private readonly dataDir: DataDir,
    private readonly serverCwd: string,
    private readonly log: Logger,
    private readonly extras: ChatExtras = {},
  ) {
    flows.onChange(async (change) => {
      if (change.kind === 'deleted') await this.removeFlow(change.flow.id)
    })
    // "For this session" answers are kept with the session, so a resumed process (after an idle close or a restart) is not asked again.
    extras.permissions?.onSessionRules((sessionId, rules) => {
      const session = this.store.findSession(sessionId)
      if (!session) return
      session.session_rules = rules
      void this.store.save()
    })
  }

  // ---- messages ---------------------------------------------------------

  async nodeMessage(flowId: string, nodeId: string, prompt: string, requestedId?: string, images: readonly ChatImage[] = []): Promise<TurnStart> {
    const flow = this.requireFlow(flowId)
    requirePrompt(prompt, images)
    const settings = this.nodeSettings(flow, nodeId)
    await this.afterAnsweredTurn(sessionKey(flowId, nodeId), requestedId)
    const session = this.claim(sessionKey(flowId, nodeId), { flowName: `${flow.name} [${nodeId}]`, nodeId, workingDir: settings.workingDir }, requestedId, prompt)
    return this.startTurn(flowId, session, { prompt, images }, settings, async (job) => {
      if (session.message_count === 0) session.skills_dir = await writeSkillsDir(session.working_dir, flow, nodeId, this.dataDir, this.serverCwd)
      job.systemPrompt = nodeSystemPrompt(flow, nodeId, settings.appendSystemPrompt)
      // Saved through the coalescing queue; the turn need not wait for the disk.
      void this.store.save()
      await runNodeTurn(job, poolKey(flowId, nodeId, session.session_id), this.pool, this.runtime)
    })
  }

  async flowMessage(flowId: string, prompt: string, requestedId?: string, images: readonly ChatImage[] = []): Promise<TurnStart> {
    const flow = this.requireFlow(flowId)
    requirePrompt(prompt, images)
    const settings = executorSettings(findExecutor(flow), this.serverCwd)
    await this.afterAnsweredTurn(sessionKey(flowId), requestedId)
    const session = this.claim(sessionKey(flowId), { flowName: flow.name, workingDir: settings.workingDir }, requestedId, prompt)
    return this.startTurn(flowId, session, { prompt, images }, settings, async (job) => {
      job.systemPrompt = leadSystemPrompt(flow, nodesSummary(flow, 'source'), nodesSummary(flow, 'sink'), settings.appendSystemPrompt)
      void this.store.save()
      await runFlowTurn(job, this.runtime)
    })
  }

  /** The events of a session, for re-attaching; 404s read like the other chat routes'. */
  sessionEvents(flowId: string, nodeId: string | undefined, requestedId?: string): SessionEvents {
    const flow = this.requireFlow(flowId)
    if (nodeId !== undefined) this.nodeSettings(flow, nodeId)
    const entry = this.store.get(sessionKey(flowId, nodeId))
    if (!entry) throw notFound(nodeId === undefined ? 'no sessions for this flow' : 'no sessions for this node')
    const target = requestedId ?? entry.active_session
    if (!entry.sessions.some((s) => s.session_id === target)) throw notFound(`session ${target} not found`)
    return this.eventsOf(target)
  }

  /**
   * The slash commands the chat's CLI listed last in the working directory its
   * new sessions get now (the node's, or the flow's first executor's).
   */
  slashCommands(flowId: string, nodeId?: string): SlashCommandsResponse {
    const flow = this.requireFlow(flowId)
    const settings = nodeId === undefined ? executorSettings(findExecutor(flow), this.serverCwd) : this.nodeSettings(flow, nodeId)
    return this.extras.slashCommands?.get(sessionKey(flowId, nodeId), settings.workingDir) ?? { commands: [], known: false }
  }

  /** A session's stored transcript: one page, counted from the newest entry. */
  async transcript(flowId: string, nodeId: string | undefined, sessionId: string, before: number | undefined, limit: number): Promise<TranscriptPage> {
    this.requireFlow(flowId)
    const entry = this.store.get(sessionKey(flowId, nodeId))
    if (!entry?.sessions.some((s) => s.session_id === sessionId)) throw notFound(`session ${sessionId} not found`)
    return (await this.extras.transcripts?.page(sessionId, before, limit)) ?? { entries: [], next_before: null }
  }

  /** Asks a running turn to end; resolves once it has (an idle session: at once). */
  async stop(flowId: string, nodeId: string | undefined, requestedId?: string): Promise<void> {
    const entry = this.store.get(sessionKey(flowId, nodeId))
    const target = requestedId ?? entry?.active_session
    if (!entry || !entry.sessions.some((s) => s.session_id === target)) return
    await this.endTurn(target!, nodeId === undefined ? 'kill' : 'interrupt')
  }

  // ---- session management ----------------------------------------------

  list(flowId: string, nodeId?: string): SessionListing {
    const entry = this.store.get(sessionKey(flowId, nodeId))
    if (!entry) return { flow_name: '', active_session: '', sessions: [] }
    return {
      flow_name: entry.flow_name,
      active_session: entry.active_session,
      sessions: entry.sessions.map((s) => ({
        session_id: s.session_id,
        summary: s.summary,
        message_count: s.message_count,
        total_cost: s.total_cost,
        created_at: s.created_at,
        // A turn that has answered and is only being saved takes the next message (it waits a moment).
        busy: this.store.isBusy(s.session_id) && this.turns.get(s.session_id)?.answered !== true,
      })),
    }
  }

  async newSession(flowId: string, nodeId?: string): Promise<NewSessionResponse> {
    const flow = this.requireFlow(flowId)
    const settings = nodeId === undefined ? executorSettings(findExecutor(flow), this.serverCwd) : this.nodeSettings(flow, nodeId)
    const key = sessionKey(flowId, nodeId)
    const entry = this.store.get(key) ?? { flow_name: nodeId === undefined ? flow.name : `${flow.name} [${nodeId}]`, active_session: '', sessions: [] }
    const crowded = entry.sessions.length >= SESSION_WARNING_AT
    const session = newSessionRecord(nodeId, settings.workingDir, '')
    entry.sessions.push(session)
    entry.active_session = session.session_id
    if (nodeId === undefined) entry.flow_name = flow.name
    this.store.set(key, entry)
    await this.store.save()
    return { session_id: session.session_id, created_at: session.created_at, ...(crowded ? { warning: 'Consider closing old sessions (10+ open)' } : {}) }
  }

  async deleteSession(flowId: string, nodeId: string | undefined, sessionId: string): Promise<DeletedSessionResponse> {
    const entry = this.store.get(sessionKey(flowId, nodeId))
    if (!entry) throw notFound(nodeId === undefined ? 'no sessions for this flow' : 'no sessions for this node')
    if (entry.sessions.length <= 1) throw new HttpError(400, 'cannot delete the last session')
    if (!entry.sessions.some((s) => s.session_id === sessionId)) throw notFound(`session ${sessionId} not found`)
    await this.endSessions(flowId, [sessionId])
    entry.sessions = entry.sessions.filter((s) => s.session_id !== sessionId)
    if (entry.active_session === sessionId) entry.active_session = entry.sessions.at(-1)!.session_id
    await this.store.save()
    return { deleted: true, active_session: entry.active_session }
  }

  /** Ends the flow's lead-agent sessions (node chats are left alone). */
  async resetFlow(flowId: string): Promise<void> {
    const sessions = this.store.get(sessionKey(flowId))?.sessions ?? []
    await this.endSessions(flowId, sessions.map((s) => s.session_id))
    this.store.removeKeys((key) => key === flowId)
    await this.store.save()
  }

  /** A deleted flow takes all its sessions and processes with it (§13.7). */
  async removeFlow(flowId: string): Promise<void> {
    const removed = this.store.removeKeys((key) => key === flowId || key.startsWith(`${flowId}::`))
    this.extras.slashCommands?.forgetFlow(flowId)
    await this.endSessions(flowId, removed.map((s) => s.session_id))
    await this.store.save()
  }

  /** App shutdown: every turn ends, every process goes, sessions are saved. */
  async shutdown(): Promise<void> {
    for (const turn of this.turns.values()) turn.control.request('kill', 'stop')
    await this.pool.endAll()
    await this.runtime.launcher.endAll()
    await Promise.all([...this.turns.values()].map((turn) => turn.finished))
    await this.store.save()
  }

  // ---- internals --------------------------------------------------------

  private requireFlow(flowId: string): Flow {
    const flow = this.flows.get(flowId)
    if (!flow) throw notFound('flow not found')
    return flow
  }

  /**
   * A client may send its next message as soon as it has the `done` of the last
   * one, while that turn is still being saved: the message waits those few
   * milliseconds instead of being refused as busy.
   */
  private async afterAnsweredTurn(key: string, requestedId: string | undefined): Promise<void> {
    const sessionId = requestedId ?? this.store.get(key)?.active_session
    const turn = sessionId === undefined ? undefined : this.turns.get(sessionId)
    if (turn?.answered) await turn.finished
  }

  /** Node chats exist only for executor nodes (no junk sessions for bogus ids — §13.19). */
  private nodeSettings(flow: Flow, nodeId: string): ExecutorSettings {
    const node = findExecutor(flow, nodeId)
    if (!node) throw notFound(`executor node '${nodeId}' not found in flow`)
    return executorSettings(node, this.serverCwd)
  }

  /** §6.3: find or create the session, refuse a busy one, mark it busy. Synchronous: no request can slip in between. */
  private claim(key: string, init: { flowName: string; nodeId?: string; workingDir: string }, requestedId: string | undefined, prompt: string): InteractSession {
    let entry: FlowSessions | undefined = this.store.get(key)
    if (!entry) {
      if (requestedId !== undefined) throw notFound(`session ${requestedId} not found`)
      const first = newSessionRecord(init.nodeId, init.workingDir, summarizePrompt(prompt))
      entry = { flow_name: init.flowName, active_session: first.session_id, sessions: [first] }
      this.store.set(key, entry)
    }
    if (init.nodeId === undefined) entry.flow_name = init.flowName
    const target = requestedId ?? entry.active_session
    const session = entry.sessions.find((s) => s.session_id === target)
    if (!session) throw notFound(`session ${target} not found`)
    if (this.store.isBusy(target)) throw new HttpError(409, 'session is busy processing a previous message')
    if (session.message_count === 0 && session.summary === '') session.summary = summarizePrompt(prompt)
    this.store.state(target).busy = true
    entry.active_session = target
    return session
  }

  private startTurn(flowId: string, session: InteractSession, message: { prompt: string; images: readonly ChatImage[] }, settings: ExecutorSettings, run: (job: TurnJob) => Promise<void>): TurnStart {
    const id = session.session_id
    const events = this.eventsOf(id)
    const firstId = events.beginTurn()
    const control = new TurnControl()
    const state = this.store.state(id)
    const { permissions, transcripts, activity, slashCommands } = this.extras
    const turn = session.message_count
    const { prompt, images } = message
    transcripts?.user(id, turn, images.length > 0 ? { text: prompt, images: imageNotes(images) } : { text: prompt })
    // Rules kept with the session count again after a restart, and go to a new process as pre-approved.
    permissions?.restoreSessionRules(id, session.session_rules ?? [])
    const sessionRules = permissions?.sessionRulesFor(id) ?? []
    const chat = { flow_id: flowId, node_id: session.node_id ?? null, session_id: id }
    let failed = false
    const job: TurnJob = {
      session,
      state,
      prompt,
      images,
      // "Always" answers given earlier in this folder, and this session's own, are pre-approved.
      permissions: { ...settings.policy, remembered: [...(permissions?.rememberedFor(session.working_dir) ?? []), ...sessionRules] },
      systemPrompt: undefined,
      resume: session.message_count > 0 || this.created.has(id),
      markCreated: () => this.created.add(id),
      control,
      emit: (event) => {
        if (event.event === 'done') running.answered = true
        if (event.event === 'error' || (event.event === 'result' && event.data.is_error)) failed = true
        events.push(event)
        transcripts?.event(id, turn, event)
      },
    }
    if (slashCommands) job.onSlashCommands = (commands) => slashCommands.record(sessionKey(flowId, session.node_id), session.working_dir, commands)
    if (permissions) {
      const origin = { flowId, nodeId: session.node_id ?? null, sessionId: id, runId: null, workingDir: session.working_dir }
      job.onPermission = (ask, write) =>
        void permissions.ask({ origin, ask, respond: (answer) => write(controlResponseLine(ask.requestId, answer)), notify: (event) => job.emit(event) })
    }
    activity?.started(chat)
    const running: RunningTurn = { control, finished: Promise.resolve(), answered: false }
    const finished = (async () => {
      try {
        await run(job)
      } catch (error) {
        this.log.error(`turn of session ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        failed = true
        events.push({ event: 'error', data: { message: 'internal error' } })
      } finally {
        running.answered = true
        // Questions the turn left open can no longer be answered.
        permissions?.cancelWhere((origin) => origin.sessionId === id)
        // Saved before the stream closes, so a closed stream means a saved turn. The session
        // is free only after that: a next turn must never begin before this one has ended,
        // or this one's end would close the next one's streams.
        await this.store.save()
        events.endTurn()
        this.turns.delete(id)
        state.busy = false
        activity?.ended(chat, turnOutcome(control, failed))
      }
    })()
    running.finished = finished
    this.turns.set(id, running)
    return { events, firstId }
  }

  private eventsOf(sessionId: string): SessionEvents {
    let events = this.events.get(sessionId)
    if (!events) {
      events = new SessionEvents()
      this.events.set(sessionId, events)
    }
    return events
  }

  private async endTurn(sessionId: string, mode: StopMode): Promise<void> {
    const turn = this.turns.get(sessionId)
    if (!turn) return
    turn.control.request(mode, 'stop')
    // The turn ends within the grace period (a kill follows an unanswered interrupt).
    await Promise.race([turn.finished, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS + 3_000).unref())])
  }

  private async endSessions(flowId: string, sessionIds: string[]): Promise<void> {
    await Promise.all(sessionIds.map((id) => this.endTurn(id, 'kill')))
    await this.pool.endWhere((key) => key.startsWith(`${flowId}::`) && sessionIds.some((id) => key.endsWith(`::${id}`)))
    for (const id of sessionIds) {
      this.store.forgetState(id)
      this.events.delete(id)
      this.extras.permissions?.forgetSession(id)
      await this.extras.transcripts?.remove(id)
    }
  }
}

/** A message needs words, unless it carries images; a refused slash command is no message. */
function requirePrompt(prompt: string, images: readonly ChatImage[]): void {
  if (prompt.trim() === '' && images.length === 0) throw new HttpError(400, 'prompt is required')
  const refused = refusedCommand(prompt)
  if (refused !== null) throw new HttpError(400, `/${refused} is not passed on: start a new session instead (POST …/interact/new)`)
}

/** Stopped by the user; else failed when an error (or an error result) was sent; else done. */
function turnOutcome(control: TurnControl, failed: boolean): ChatTurnOutcome {
  if (control.reason === 'stop') return 'stopped'
  return failed || control.reason === 'timeout' ? 'error' : 'done'
}

function newSessionRecord(nodeId: string | undefined, workingDir: string, summary: string): InteractSession {
  return {
    session_id: randomUUID(),
    summary,
    ...(nodeId !== undefined ? { node_id: nodeId } : {}),
    working_dir: workingDir,
    message_count: 0,
    total_cost: 0,
    created_at: offsetTimestamp(),
  }
}
