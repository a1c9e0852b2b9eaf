import { describe, expect, it } from 'vitest'
import { asksOverStdio, controlResponseLine, flowTurnArgs, nodeSessionArgs, permissionArgs, type PermissionPolicy } from '../../src-main/agent/claude-command'
import { batchArgs } from '../../src-main/runs/batch-executor'
import { permissionPolicy } from '../../src-main/permissions/modes'

const policy = (mode: unknown, permissions: string[] = [], remembered: string[] = []): PermissionPolicy => ({ ...permissionPolicy(mode, permissions), remembered })

describe('permission_mode → argv (checked against claude 2.1.197)', () => {
  it('ask: stdio prompts, no skip flag; "always" rules pre-approved', () => {
    expect(permissionArgs(policy('ask', ['Read']))).toEqual(['--permission-prompt-tool', 'stdio'])
    expect(permissionArgs(policy('ask', [], ['Bash(touch x)', 'Read']))).toEqual(['--allowedTools', 'Bash(touch x),Read', '--permission-prompt-tool', 'stdio'])
  })

  it('allowed_tools: the list, plus stdio prompts for anything else', () => {
    expect(permissionArgs(policy('allowed_tools', ['Read', 'Bash(git:*)']))).toEqual(['--allowedTools', 'Read,Bash(git:*)', '--permission-prompt-tool', 'stdio'])
    expect(permissionArgs(policy('allowed_tools', ['Read'], ['Bash(ls)']))).toEqual(['--allowedTools', 'Read,Bash(ls)', '--permission-prompt-tool', 'stdio'])
  })

  it('accept_edits, plan and skip', () => {
    expect(permissionArgs(policy('accept_edits'))).toEqual(['--permission-mode', 'acceptEdits', '--permission-prompt-tool', 'stdio'])
    expect(permissionArgs(policy('plan', ['Read']))).toEqual(['--permission-mode', 'plan'])
    expect(permissionArgs(policy('skip', ['Read'], ['Bash(ls)']))).toEqual(['--dangerously-skip-permissions'])
  })

  it('no permission_mode keeps the original meaning, byte for byte', () => {
    expect(permissionArgs(policy(undefined))).toEqual(permissionArgs([]))
    expect(permissionArgs(policy(undefined))).toEqual(['--dangerously-skip-permissions'])
    expect(permissionArgs(policy(null, ['Read', 'Write']))).toEqual(['--allowedTools', 'Read,Write'])
    expect(asksOverStdio(policy(undefined, ['Read']))).toBe(false)
  })

  it('an unknown mode asks rather than skipping', () => {
    expect(permissionPolicy('skpi', []).mode).toBe('ask')
    expect(asksOverStdio(policy('skpi'))).toBe(true)
  })

  it('processes that may ask read stream-json; skip runs and lead turns are unchanged', () => {
    const session = { sessionId: 'S', resume: false }
    expect(flowTurnArgs(policy('ask'), session)).toEqual(['--print', '--verbose', '--output-format', 'stream-json', '--input-format', 'stream-json', '--include-partial-messages', '--permission-prompt-tool', 'stdio', '--session-id', 'S'])
    expect(flowTurnArgs(policy('skip'), session)).toEqual(flowTurnArgs([], session))
    expect(flowTurnArgs(policy('plan'), session)).not.toContain('--input-format')
    expect(nodeSessionArgs(policy('accept_edits'), session)).toContain('acceptEdits')
    const job = { appendSystemPrompt: undefined }
    expect(batchArgs({ ...job, permissions: policy('skip') })).toEqual(batchArgs({ ...job, permissions: [] }))
    expect(batchArgs({ ...job, permissions: policy('skip') })).toEqual(['--print', '--verbose', '--output-format', 'stream-json', '--include-partial-messages', '--dangerously-skip-permissions'])
    expect(batchArgs({ ...job, permissions: policy('ask') }).slice(4, 6)).toEqual(['--input-format', 'stream-json'])
  })

  it('answers a can_use_tool request with one control_response line', () => {
    const line = controlResponseLine('r1', { behavior: 'deny', message: 'no' })
    expect(line.endsWith('\n')).toBe(true)
    expect(JSON.parse(line)).toEqual({ type: 'control_response', response: { subtype: 'success', request_id: 'r1', response: { behavior: 'deny', message: 'no' } } })
  })
})
