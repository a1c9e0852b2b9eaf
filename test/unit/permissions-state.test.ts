import { describe, expect, it } from 'vitest'
import type { PermissionRequest, PermissionSettled } from '../../src-main/contract/api'
import { decodePermissionEvent } from '../../src-renderer/src/api/permissions'
import { describeToolCall, notificationFor, originText, outcomeText } from '../../src-renderer/src/permissions/permission-format'
import { EMPTY_PERMISSIONS, addRequest, answerFailed, dropMissing, markAnswering, pendingList, settle } from '../../src-renderer/src/permissions/permission-state'

const request = (id: string, asked = '2026-12-02T10:00:00.000Z', extra: Partial<PermissionRequest> = {}): PermissionRequest => ({
  id, flow_id: 'f1234567-x', node_id: 'writer', session_id: 's1', run_id: null, tool_name: 'Bash',
  input: { command: 'touch x' }, suggestions: [], description: 'Touch x', asked_at: asked, ...extra,
})

const settled = (id: string, extra: Partial<PermissionSettled> = {}): PermissionSettled => ({
  id, flow_id: 'f1', node_id: 'writer', session_id: 's1', run_id: null, tool_name: 'Bash',
  outcome: 'allowed', scope: 'once', message: null, settled_at: '2026-12-02T10:00:01.000Z', ...extra,
})

describe('permission state', () => {
  it('adds, lists oldest first, and settles', () => {
    let data = addRequest(EMPTY_PERMISSIONS, request('b', '2026-12-02T10:00:02.000Z'))
    data = addRequest(data, request('a', '2026-12-02T10:00:01.000Z'))
    expect(pendingList(data.pending).map((r) => r.id)).toEqual(['a', 'b'])
    data = markAnswering(data, 'a')
    data = settle(data, settled('a'))
    expect(Object.keys(data.pending)).toEqual(['b'])
    expect(data.answering).toEqual({})
    expect(data.settled.a?.outcome).toBe('allowed')
  })

  it('ignores a re-sent question that has already settled, and a duplicate', () => {
    const once = addRequest(EMPTY_PERMISSIONS, request('a'))
    expect(addRequest(once, request('a'))).toBe(once)
    const done = settle(once, settled('a'))
    expect(addRequest(done, request('a')).pending).toEqual({})
  })

  it('keeps a failed answer message until the next try', () => {
    let data = markAnswering(addRequest(EMPTY_PERMISSIONS, request('a')), 'a')
    data = answerFailed(data, 'a', 'permission request a was already settled (allowed)')
    expect(data.answering).toEqual({})
    expect(data.errors.a).toMatch(/already settled/)
    expect(markAnswering(data, 'a').errors).toEqual({})
  })

  it('after a reconnect drops what was settled meanwhile but keeps what arrived since', () => {
    let data = addRequest(addRequest(EMPTY_PERMISSIONS, request('old')), request('kept'))
    const before = new Set(Object.keys(data.pending))
    data = addRequest(data, request('new'))
    data = dropMissing(data, before, new Set(['kept']))
    expect(Object.keys(data.pending).sort()).toEqual(['kept', 'new'])
  })
})

describe('permission format', () => {
  it('shows the command for Bash, the path for file tools, JSON otherwise', () => {
    expect(describeToolCall('Bash', { command: 'touch x' })).toEqual({ action: 'Run a command', detail: 'touch x', json: false })
    expect(describeToolCall('Edit', { file_path: '/a/b.ts', old_string: 'x' }).detail).toBe('/a/b.ts')
    expect(describeToolCall('Write', { file_path: '/a/c.md', content: 'x' }).action).toBe('Write a file')
    const other = describeToolCall('mcp__x', { q: 1 })
    expect(other.json).toBe(true)
    expect(JSON.parse(other.detail)).toEqual({ q: 1 })
  })

  it('says how a question ended', () => {
    expect(outcomeText(settled('a'))).toBe('Allowed once')
    expect(outcomeText(settled('a', { scope: 'session' }))).toBe('Allowed for this session')
    expect(outcomeText(settled('a', { scope: 'always' }))).toBe('Always allowed')
    expect(outcomeText(settled('a', { outcome: 'denied', scope: null, message: 'Not here' }))).toBe('Denied: Not here')
    expect(outcomeText(settled('a', { outcome: 'cancelled', scope: null }))).toMatch(/Cancelled/)
    expect(outcomeText(settled('a', { outcome: 'timed_out', scope: null, message: null }))).toMatch(/Timed out/)
  })

  it('names where a question comes from, and what the notification says', () => {
    expect(originText(request('a'), 'Digest', 'Writer')).toBe('Digest · Writer · chat')
    expect(originText(request('a', undefined, { run_id: 'r1', session_id: null, node_id: null }), undefined, undefined)).toBe('flow f1234567 · lead agent · run')
    expect(notificationFor(request('a'))).toEqual({ title: 'Claude asks: Run a command', body: 'Bash: touch x' })
  })

  it('decodes stream events and refuses anything else', () => {
    const decoded = decodePermissionEvent('permission_request', { ...request('a'), suggestions: 'x', input: null })
    expect(decoded).toEqual({ type: 'permission_request', request: { ...request('a'), suggestions: [], input: {} } })
    expect(decodePermissionEvent('permission_settled', { ...settled('a'), outcome: 'odd', scope: 'weird' })).toEqual({
      type: 'permission_settled', settled: { ...settled('a'), outcome: 'cancelled', scope: null },
    })
    expect(decodePermissionEvent('permission_request', { id: 3 })).toBeNull()
    expect(decodePermissionEvent('text', request('a'))).toBeNull()
  })
})
