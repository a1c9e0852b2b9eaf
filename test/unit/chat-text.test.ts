// A chat as text for the prompt summariser: who said what, tools named, the rest left out.
import { describe, expect, it } from 'vitest'
import { transcriptText } from '../../src-renderer/src/chat/chat-text'

describe('transcriptText', () => {
  it('keeps the conversation and the tool calls, drops costs, notes, stderr and empty replies', () => {
    expect(
      transcriptText([
        { kind: 'user', id: 1, text: 'List the tags' },
        { kind: 'tool', id: 2, tool: 'Bash', input: 'git tag', toolUseId: null, result: { content: 'v0.1.0', isError: false } },
        { kind: 'tool-result', id: 3, content: 'v0.1.0', isError: false },
        { kind: 'stderr', id: 4, line: 'warning' },
        { kind: 'assistant', id: 5, text: 'One tag: v0.1.0', live: false },
        { kind: 'assistant', id: 6, text: '  ', live: false },
        { kind: 'result', id: 7, cost: 0.001, turns: 2, isError: false, usage: null },
        { kind: 'note', id: 8, text: 'Stopped' },
      ]),
    ).toBe('[user] List the tags\n\n[tool Bash] git tag\n\n[assistant] One tag: v0.1.0')
  })
})
