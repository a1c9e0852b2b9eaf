import { describe, expect, it } from 'vitest'
import { chatChoice } from '../../src-renderer/src/chat/chat-choice'

describe('chatChoice', () => {
  const executors = [{ id: 'a' }, { id: 'b' }]

  it('an explicit lead-agent choice wins over the canvas selection', () => {
    expect(chatChoice(executors, ['b'], null)).toBeNull()
  })

  it('otherwise the selected executor, else the last chosen, else the first', () => {
    expect(chatChoice(executors, ['b'], 'a')).toBe('b')
    expect(chatChoice(executors, [], 'b')).toBe('b')
    expect(chatChoice(executors, [], 'gone')).toBe('a')
    expect(chatChoice(executors, [], undefined)).toBe('a')
  })
})
