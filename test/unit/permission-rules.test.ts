import { describe, expect, it } from 'vitest'
import { mapStdoutLine } from '../../src-main/agent/stream-json'
import { describeToolCall, timeoutDenyMessage } from '../../src-main/permissions/describe'
import { lastingRules, lastingSuggestions, matches, parseRuleString, ruleString, rulesFor } from '../../src-main/permissions/rules'

// What claude 2.1.197 sent for `touch made.txt`.
const SUGGESTIONS = [
  { type: 'addRules', rules: [{ toolName: 'Bash', ruleContent: 'touch made.txt' }], behavior: 'allow', destination: 'localSettings' },
  { type: 'addDirectories', directories: ['/w'], destination: 'session' },
  { type: 'setMode', mode: 'acceptEdits', destination: 'session' },
]

describe('the can_use_tool line', () => {
  it('becomes a permission request, not an event', () => {
    const line = JSON.stringify({ type: 'control_request', request_id: 'R', request: { subtype: 'can_use_tool', tool_name: 'Bash', input: { command: 'touch x' }, permission_suggestions: SUGGESTIONS, description: 'Run it' } })
    expect(mapStdoutLine(line, 'node')).toEqual({ events: [], permissionRequest: { requestId: 'R', toolName: 'Bash', input: { command: 'touch x' }, suggestions: SUGGESTIONS, description: 'Run it' } })
    expect(mapStdoutLine(JSON.stringify({ type: 'control_request', request_id: 'R', request: { subtype: 'other' } }), 'node')).toEqual({ events: [] })
  })
})

describe('rules', () => {
  it('Bash: the exact command and the command or prefix the CLI suggests', () => {
    expect(rulesFor('Bash', { command: 'touch made.txt' }, SUGGESTIONS)).toEqual([{ toolName: 'Bash', ruleContent: 'touch made.txt' }])
    const prefix = [{ type: 'addRules', rules: [{ toolName: 'Bash', ruleContent: 'npm run:*' }], behavior: 'allow', destination: 'localSettings' }]
    const rules = rulesFor('Bash', { command: 'npm run build' }, prefix)
    expect(rules.map(ruleString)).toEqual(['Bash(npm run build)', 'Bash(npm run:*)'])
    expect(rules.some((r) => matches(r, 'Bash', { command: 'npm run test' }))).toBe(true)
    expect(rules.some((r) => matches(r, 'Bash', { command: 'npm runner' }))).toBe(false)
    // A prefix never covers a chained or redirected command.
    expect(rules.some((r) => matches(r, 'Bash', { command: 'npm run x && rm -rf /' }))).toBe(false)
    expect(rules.some((r) => matches(r, 'Bash', { command: 'npm run x > /etc/passwd' }))).toBe(false)
  })

  it('other tools: the whole tool', () => {
    const [rule] = rulesFor('Write', { file_path: '/a' }, [])
    expect(matches(rule!, 'Write', { file_path: '/b' })).toBe(true)
    expect(matches(rule!, 'Edit', { file_path: '/b' })).toBe(false)
  })

  it('"always" follows the lasting suggestion only (no mode switch), or makes one', () => {
    expect(lastingSuggestions(SUGGESTIONS, [])).toEqual([SUGGESTIONS[0]])
    expect(lastingRules('Bash', { command: 'touch made.txt' }, SUGGESTIONS).map(ruleString)).toEqual(['Bash(touch made.txt)'])
    expect(lastingSuggestions([], [{ toolName: 'Write', ruleContent: null }])).toEqual([{ type: 'addRules', rules: [{ toolName: 'Write' }], behavior: 'allow', destination: 'localSettings' }])
  })

  it('rule strings round-trip', () => {
    expect(parseRuleString('Bash(touch x)')).toEqual({ toolName: 'Bash', ruleContent: 'touch x' })
    expect(parseRuleString('Read')).toEqual({ toolName: 'Read', ruleContent: null })
    expect(parseRuleString('not a rule!')).toBeNull()
  })

  it('words for logs and timeouts', () => {
    expect(describeToolCall('Bash', { command: 'touch  x\ny' })).toBe('Bash touch x y')
    expect(describeToolCall('Edit', { file_path: '/a/b' })).toBe('Edit /a/b')
    expect(timeoutDenyMessage(600_000)).toBe('No answer within 10 minutes; denied automatically')
    expect(timeoutDenyMessage(1_000)).toBe('No answer within 1 second; denied automatically')
  })
})
