import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../src-main/log'
import { PermissionRegistry, type CliAnswer, type PermissionEvent } from '../../src-main/permissions/registry'
import { RememberedRules } from '../../src-main/permissions/rule-store'
import { FileWriteQueue } from '../../src-main/storage/write-queue'

const written: string[] = []
const registry = () => new PermissionRegistry(new RememberedRules('/nowhere/rules.json', new FileWriteQueue(async (_path, change) => void (change.kind === 'write' && written.push(String(change.data)))), memoryLogger()))
const origin = { flowId: 'f', nodeId: 'n', sessionId: 's', runId: null, workingDir: '/w' }
const ask = (command: string) => ({ requestId: `r-${command}`, toolName: 'Bash', input: { command }, suggestions: [], description: null })

function asking(reg: PermissionRegistry, command: string, extra: { timeoutMs?: number; sessionId?: string } = {}) {
  const answers: CliAnswer[] = []
  const events: PermissionEvent[] = []
  const record = reg.ask({ origin: { ...origin, sessionId: extra.sessionId ?? 's' }, ask: ask(command), respond: (a) => answers.push(a), notify: (e) => events.push(e), ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}) })
  return { record, answers, events }
}

afterEach(() => vi.useRealTimers())

describe('permission registry', () => {
  it('answers once: a second answer is "already", an unknown id "unknown"', () => {
    const reg = registry()
    const { record, answers, events } = asking(reg, 'touch a')
    expect(reg.list()).toEqual([record])
    expect(reg.answer(record!.id, { behavior: 'allow', updated_input: { command: 'touch b' } }).kind).toBe('settled')
    expect(answers).toEqual([{ behavior: 'allow', updatedInput: { command: 'touch b' } }])
    expect(reg.answer(record!.id, { behavior: 'deny' })).toMatchObject({ kind: 'already', settled: { outcome: 'allowed' } })
    expect(reg.answer('nope', { behavior: 'deny' })).toEqual({ kind: 'unknown' })
    expect(events.map((e) => e.event)).toEqual(['permission_request', 'permission_settled'])
    expect(reg.list()).toEqual([])
  })

  it('"session" answers later questions of that session only', () => {
    const reg = registry()
    const first = asking(reg, 'touch a')
    reg.answer(first.record!.id, { behavior: 'allow', scope: 'session' })
    const again = asking(reg, 'touch a')
    expect(again.record).toBeNull()
    expect(again.answers).toEqual([{ behavior: 'allow', updatedInput: { command: 'touch a' } }])
    expect(asking(reg, 'touch other').record).not.toBeNull()
    expect(asking(reg, 'touch a', { sessionId: 'other' }).record).not.toBeNull()
    reg.forgetSession('s')
    expect(asking(reg, 'touch a').record).not.toBeNull()
  })

  it('"always" sends the CLI a lasting rule and remembers it for the working dir', () => {
    const reg = registry()
    const first = asking(reg, 'touch a')
    reg.answer(first.record!.id, { behavior: 'allow', scope: 'always' })
    expect(first.answers[0]).toMatchObject({ behavior: 'allow', updatedPermissions: [{ type: 'addRules', rules: [{ toolName: 'Bash', ruleContent: 'touch a' }], destination: 'localSettings' }] })
    expect(reg.rememberedFor('/w')).toEqual(['Bash(touch a)'])
    expect(asking(reg, 'touch a', { sessionId: 'new' }).record).toBeNull()
  })

  it('an unattended question is denied when its time is up', () => {
    vi.useFakeTimers()
    const reg = registry()
    const { answers, events } = asking(reg, 'touch a', { timeoutMs: 600_000 })
    vi.advanceTimersByTime(599_999)
    expect(answers).toEqual([])
    vi.advanceTimersByTime(1)
    expect(answers).toEqual([{ behavior: 'deny', message: 'No answer within 10 minutes; denied automatically' }])
    expect(events.at(-1)).toMatchObject({ event: 'permission_settled', data: { outcome: 'timed_out' } })
  })

  it('cancelling settles without answering the process; the global stream gets every event with an id', () => {
    const reg = registry()
    const seen: [string, number][] = []
    const { record: pendingBefore } = asking(reg, 'touch a')
    const { pending, unsubscribe } = reg.subscribe((event, id) => seen.push([event.event, id]))
    expect(pending.map((p) => p.event.data)).toEqual([pendingBefore])
    const { answers } = asking(reg, 'touch b')
    reg.cancelWhere((o) => o.sessionId === 's')
    unsubscribe()
    expect(answers).toEqual([])
    expect(seen.map(([name]) => name)).toEqual(['permission_request', 'permission_settled', 'permission_settled'])
    expect(new Set(seen.map(([, id]) => id)).size).toBe(3)
    expect(reg.list()).toEqual([])
  })
})
