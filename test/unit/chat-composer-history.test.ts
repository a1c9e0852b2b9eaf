import { describe, expect, it } from 'vitest'
import { recallStep, sentMessages } from '../../src-renderer/src/chat/composer-history'
import type { ChatEntry } from '../../src-renderer/src/chat/transcript'

describe('sentMessages', () => {
  it('keeps the user messages in order, a repeat in a row once', () => {
    const entries: ChatEntry[] = [
      { kind: 'user', id: 1, text: 'one' },
      { kind: 'assistant', id: 2, text: 'Echo: one', live: false },
      { kind: 'user', id: 3, text: 'two' },
      { kind: 'user', id: 4, text: 'two' },
      { kind: 'note', id: 5, text: 'Stopped.' },
      { kind: 'user', id: 6, text: 'one' },
    ]
    expect(sentMessages(entries)).toEqual(['one', 'two', 'one'])
  })
})

describe('recallStep', () => {
  const sent = ['first', 'second', 'third']

  it('walks back from an empty box and forward again to empty', () => {
    let box = { index: null as number | null, draft: '' }
    const up = (): void => {
      box = recallStep(sent, box, -1) ?? box
    }
    const down = (): void => {
      box = recallStep(sent, box, 1) ?? box
    }
    up()
    expect(box).toEqual({ index: 2, draft: 'third' })
    up()
    up()
    expect(box).toEqual({ index: 0, draft: 'first' })
    expect(recallStep(sent, box, -1)).toBeNull()
    down()
    expect(box).toEqual({ index: 1, draft: 'second' })
    down()
    down()
    expect(box).toEqual({ index: null, draft: '' })
    expect(recallStep(sent, box, 1)).toBeNull()
  })

  it('never replaces something the user typed or edited', () => {
    expect(recallStep(sent, { index: null, draft: 'typing' }, -1)).toBeNull()
    expect(recallStep(sent, { index: 1, draft: 'second, edited' }, -1)).toBeNull()
    expect(recallStep(sent, { index: 1, draft: 'second, edited' }, 1)).toBeNull()
  })

  it('does nothing without history', () => {
    expect(recallStep([], { index: null, draft: '' }, -1)).toBeNull()
  })
})
