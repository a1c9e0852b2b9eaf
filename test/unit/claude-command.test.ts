import { describe, expect, it } from 'vitest'
import { childEnvironment, flowTurnArgs, interruptLine, nodeSessionArgs, permissionArgs, processFlags, rawPromptArgs, SUMMARIZE_ARGS, userMessageLine } from '../../src-main/agent/claude-command'

describe('claude argv', () => {
  it('skips permission prompts without a list, else passes one comma-joined allowlist', () => {
    expect(permissionArgs([])).toEqual(['--dangerously-skip-permissions'])
    expect(permissionArgs(['Read', 'Bash(git:*)'])).toEqual(['--allowedTools', 'Read,Bash(git:*)'])
  })

  it('node sessions read stream-json from stdin, stream partial messages, create or resume', () => {
    expect(nodeSessionArgs([], { sessionId: 'S', resume: false, systemPrompt: 'SP' })).toEqual([
      '--print', '--verbose', '--output-format', 'stream-json', '--input-format', 'stream-json', '--include-partial-messages',
      '--dangerously-skip-permissions', '--session-id', 'S', '--system-prompt', 'SP',
    ])
    // A resumed process needs its system prompt again: the CLI keeps only the conversation.
    expect(nodeSessionArgs(['Read'], { sessionId: 'S', resume: true, systemPrompt: 'SP' }).slice(-6)).toEqual(['--allowedTools', 'Read', '--resume', 'S', '--system-prompt', 'SP'])
  })

  it('a warm process is told apart by its permission flags and system prompt, not by rules approved later', () => {
    const ask = { mode: 'ask' as const, allowed: [], prompts: true }
    expect(processFlags(ask, 'SP')).toBe(processFlags({ ...ask, remembered: ['Bash(touch x)'] }, 'SP'))
    expect(processFlags(ask, 'SP')).not.toBe(processFlags({ ...ask, mode: 'accept_edits' }, 'SP'))
    expect(processFlags(ask, 'SP')).not.toBe(processFlags(ask, 'SP2'))
    expect(processFlags(['Read'], undefined)).not.toBe(processFlags(['Read', 'Bash'], undefined))
  })

  it('lead-agent turns read stream-json when asked to (images)', () => {
    expect(flowTurnArgs([], { sessionId: 'S', resume: true }, true)).toContain('--input-format')
  })

  it('flow turns take the prompt from stdin, with no "-" argument (the CLI would read it as text)', () => {
    const args = flowTurnArgs([], { sessionId: 'S', resume: false, systemPrompt: 'lead' })
    expect(args).not.toContain('-')
    expect(args).not.toContain('--input-format')
    expect(args.slice(-3)).toEqual(['S', '--system-prompt', 'lead'])
  })

  it('the raw proxy puts the prompt last; summarising allows no tools', () => {
    expect(rawPromptArgs('hi there')).toEqual(['--print', '--dangerously-skip-permissions', 'hi there'])
    expect([...SUMMARIZE_ARGS]).toEqual(['--print', '--allowedTools', ''])
  })

  it('writes one JSON line per message and per interrupt', () => {
    expect(userMessageLine('a "quote"\nnext')).toBe('{"type":"user","message":{"role":"user","content":"a \\"quote\\"\\nnext"}}\n')
    // Images first, as base64 image blocks; the text after them.
    expect(JSON.parse(userMessageLine('what is it?', [{ media_type: 'image/png', data: 'iVBO' }]))).toEqual({
      type: 'user',
      message: { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } }, { type: 'text', text: 'what is it?' }] },
    })
    // A slash command stays plain text, which the CLI runs as a command.
    expect(JSON.parse(userMessageLine('/compact')).message.content).toBe('/compact')
    expect(JSON.parse(interruptLine('r1'))).toEqual({ type: 'control_request', request_id: 'r1', request: { subtype: 'interrupt' } })
  })
})

describe('child environment', () => {
  const args = ['--dangerously-skip-permissions']
  it('empties CLAUDECODE, or removes it for the raw proxy', () => {
    expect(childEnvironment({ CLAUDECODE: '1', A: 'a' }, { B: 'b' }, [], { isRoot: false })).toEqual({ CLAUDECODE: '', A: 'a', B: 'b' })
    expect(childEnvironment({ CLAUDECODE: '1' }, {}, [], { isRoot: false, removeClaudeCode: true })).not.toHaveProperty('CLAUDECODE')
  })
  it('sets IS_SANDBOX only as root with skipped permissions', () => {
    expect(childEnvironment({}, {}, args, { isRoot: true }).IS_SANDBOX).toBe('1')
    expect(childEnvironment({ IS_SANDBOX: '1' }, {}, args, { isRoot: false })).not.toHaveProperty('IS_SANDBOX')
    expect(childEnvironment({}, {}, ['--allowedTools', 'Read'], { isRoot: true })).not.toHaveProperty('IS_SANDBOX')
  })
})
