// Every pending `can_use_tool` question of every chat and run, in one place:
// rules answer what was already allowed, the rest wait for an answer over the
// API (or, for unattended runs, a timeout that denies). Each question ends
// exactly once — answered, timed out, or cancelled when its turn or run ends.
import { randomUUID } from 'node:crypto'
import type { PermissionAnswer, PermissionOutcome, PermissionRequest, PermissionScope, PermissionSettled } from '../contract/api'
import type { ToolPermissionAsk } from '../agent/stream-json'
import { storedTimestamp } from '../time'
import { DEFAULT_DENY_MESSAGE, timeoutDenyMessage } from './describe'
import type { RememberedRules } from './rule-store'
import { lastingRules, lastingSuggestions, matches, parseRuleString, ruleString, rulesFor, type PermissionRule } from './rules'

/** Who asked: a chat session (session_id) or a run's executor (run_id). */
export interface PermissionOrigin {
  flowId: string
  nodeId: string | null
  sessionId: string | null
  runId: string | null
  /** Where "always" rules are kept (the process's working directory). */
  workingDir: string
}

/** The `response` object of the control_response the CLI waits for. */
export type CliAnswer = { behavior: 'allow'; updatedInput: Record<string, unknown>; updatedPermissions?: unknown[] } | { behavior: 'deny'; message: string }

export type PermissionEvent = { event: 'permission_request'; data: PermissionRequest } | { event: 'permission_settled'; data: PermissionSettled }

export interface AskOptions {
  origin: PermissionOrigin
  ask: ToolPermissionAsk
  /** Writes the answer to the asking process. */
  respond: (answer: CliAnswer) => void
  /** The asker's own stream (a chat turn's events, a run's log). */
  notify?: (event: PermissionEvent) => void
  /** Unattended: deny after this long without an answer. */
  timeoutMs?: number
}

export type AnswerResult = { kind: 'settled'; settled: PermissionSettled } | { kind: 'unknown' } | { kind: 'already'; settled: PermissionSettled }

export type RegistryListener = (event: PermissionEvent, id: number) => void

interface Pending {
  record: PermissionRequest
  options: AskOptions
  /** Id of its permission_request event on the global stream. */
  eventId: number
  timer: NodeJS.Timeout | null
}

/** How many settled ids are remembered, so a late second answer is a 409, not a 404. */
const SETTLED_KEPT = 1000

export class PermissionRegistry {
  private readonly pending = new Map<string, Pending>()
  private readonly settled = new Map<string, PermissionSettled>()
  private readonly sessionRules = new Map<string, PermissionRule[]>()
  private readonly listeners = new Set<RegistryListener>()
  private sessionRulesListener: ((sessionId: string, rules: string[]) => void) | null = null
  private sequence = 0

  constructor(private readonly remembered: RememberedRules) {}

  /** Rules remembered "always" for this working dir, in the CLI's syntax (for --allowedTools). */
  rememberedFor(workingDir: string): string[] {
    return this.remembered.strings(workingDir)
  }

  /** Registers a question; answers it at once (and returns null) when a rule covers it. */
  ask(options: AskOptions): PermissionRequest | null {
    const { origin, ask } = options
    const rules = [...(this.sessionRules.get(scopeKey(origin)) ?? []), ...this.remembered.rules(origin.workingDir)]
    if (rules.some((rule) => matches(rule, ask.toolName, ask.input))) {
      options.respond({ behavior: 'allow', updatedInput: ask.input })
      return null
    }
    const record: PermissionRequest = {
      id: randomUUID(),
      flow_id: origin.flowId,
      node_id: origin.nodeId,
      session_id: origin.sessionId,
      run_id: origin.runId,
      tool_name: ask.toolName,
      input: ask.input,
      suggestions: ask.suggestions,
      description: ask.description,
      asked_at: storedTimestamp(),
    }
    const entry: Pending = { record, options, eventId: 0, timer: null }
    this.pending.set(record.id, entry)
    if (options.timeoutMs !== undefined) {
      const ms = options.timeoutMs
      entry.timer = setTimeout(() => this.settle(entry, 'timed_out', null, { behavior: 'deny', message: timeoutDenyMessage(ms) }), ms)
      entry.timer.unref()
    }
    entry.eventId = this.publish({ event: 'permission_request', data: record }, options.notify)
    return record
  }

  list(): PermissionRequest[] {
    return [...this.pending.values()].map((entry) => entry.record)
  }

  get(id: string): PermissionRequest | undefined {
    return this.pending.get(id)?.record
  }

  answer(id: string, answer: PermissionAnswer): AnswerResult {
    const entry = this.pending.get(id)
    if (!entry) {
      const settled = this.settled.get(id)
      return settled ? { kind: 'already', settled } : { kind: 'unknown' }
    }
    const scope = answer.scope ?? 'once'
    if (answer.behavior === 'deny') {
      const message = answer.message !== undefined && answer.message.trim() !== '' ? answer.message : DEFAULT_DENY_MESSAGE
      return { kind: 'settled', settled: this.settle(entry, 'denied', scope, { behavior: 'deny', message }) }
    }
    const { record, options } = entry
    const reply: CliAnswer = { behavior: 'allow', updatedInput: answer.updated_input ?? record.input }
    if (scope === 'session') this.addSessionRules(options.origin, rulesFor(record.tool_name, record.input, record.suggestions))
    if (scope === 'always') {
      const rules = lastingRules(record.tool_name, record.input, record.suggestions)
      // The CLI writes its own settings file; the app's copy is what later processes get.
      reply.updatedPermissions = lastingSuggestions(record.suggestions, rules)
      void this.remembered.add(options.origin.workingDir, rules)
    }
    return { kind: 'settled', settled: this.settle(entry, 'allowed', scope, reply) }
  }

  /** Ends the questions of a turn or run that is over; the process is not answered (it is gone or moved on). */
  cancelWhere(matchesOrigin: (origin: PermissionOrigin) => boolean): void {
    for (const entry of [...this.pending.values()]) if (matchesOrigin(entry.options.origin)) this.settle(entry, 'cancelled', null, null)
  }

  /** Hears a chat session's "for this session" rules (CLI syntax, all of them) each time they grow, so they can be kept with it. */
  onSessionRules(listener: (sessionId: string, rules: string[]) => void): void {
    this.sessionRulesListener = listener
  }

  /** A session's rules kept from an earlier process or app run, added to those known now. */
  restoreSessionRules(sessionId: string, rules: readonly string[]): void {
    const known = this.sessionRules.get(sessionId) ?? []
    const strings = new Set(known.map(ruleString))
    const added = rules.filter((rule) => !strings.has(rule)).flatMap((rule) => parseRuleString(rule) ?? [])
    if (added.length > 0) this.sessionRules.set(sessionId, [...known, ...added])
  }

  /** A chat session's rules in the CLI's syntax (for --allowedTools when its process is started again). */
  sessionRulesFor(sessionId: string): string[] {
    return [...new Set((this.sessionRules.get(sessionId) ?? []).map(ruleString))]
  }

  /** A deleted session takes its "for this session" rules with it. */
  forgetSession(sessionId: string): void {
    this.sessionRules.delete(sessionId)
  }

  forgetRun(runId: string): void {
    this.sessionRules.delete(`run:${runId}`)
  }

  /** Follows the global stream; returns the pending questions (to send first) and the unsubscribe function. */
  subscribe(listener: RegistryListener): { pending: { event: PermissionEvent; id: number }[]; unsubscribe: () => void } {
    this.listeners.add(listener)
    const pending = [...this.pending.values()].map((entry) => ({ event: { event: 'permission_request' as const, data: entry.record }, id: entry.eventId }))
    return { pending, unsubscribe: () => this.listeners.delete(listener) }
  }

  private addSessionRules(origin: PermissionOrigin, rules: PermissionRule[]): void {
    const key = scopeKey(origin)
    this.sessionRules.set(key, [...(this.sessionRules.get(key) ?? []), ...rules])
    if (origin.sessionId !== null) this.sessionRulesListener?.(origin.sessionId, this.sessionRulesFor(origin.sessionId))
  }

  private settle(entry: Pending, outcome: PermissionOutcome, scope: PermissionScope | null, reply: CliAnswer | null): PermissionSettled {
    const { record, options } = entry
    this.pending.delete(record.id)
    if (entry.timer) clearTimeout(entry.timer)
    if (reply) options.respond(reply)
    const settled: PermissionSettled = {
      id: record.id,
      flow_id: record.flow_id,
      node_id: record.node_id,
      session_id: record.session_id,
      run_id: record.run_id,
      tool_name: record.tool_name,
      outcome,
      scope,
      message: reply?.behavior === 'deny' ? reply.message : null,
      settled_at: storedTimestamp(),
    }
    this.settled.set(record.id, settled)
    if (this.settled.size > SETTLED_KEPT) this.settled.delete(this.settled.keys().next().value!)
    this.publish({ event: 'permission_settled', data: settled }, options.notify)
    return settled
  }

  private publish(event: PermissionEvent, notify: ((event: PermissionEvent) => void) | undefined): number {
    const id = ++this.sequence
    notify?.(event)
    for (const listener of this.listeners) listener(event, id)
    return id
  }
}

/** Session rules belong to a chat session, or to one run for a run's executor. */
function scopeKey(origin: PermissionOrigin): string {
  return origin.sessionId ?? `run:${origin.runId ?? ''}`
}
