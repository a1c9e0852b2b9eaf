// A client may send its next message as soon as it has the `done` of the last
// one (the window does), while the server is still saving that turn. The next
// message must neither be refused nor have its stream closed by the end of the
// turn before it.
import { describe, expect, it } from 'vitest'
import type { SseCall } from '../support/sse-client'
import { eventsNamed, useChatWorld } from '../support/chat-world'

const chat = useChatWorld()

describe('the next message right after done', () => {
  it('streams its whole answer, five times in a row', { timeout: 120_000 }, async () => {
    const { flowId } = await chat.executorFlow()
    const turns: SseCall[] = [chat.send(flowId, 'first [[reply:one]]')]
    for (let round = 0; round < 5; round++) {
      await turns.at(-1)!.waitFor('done', 60_000)
      // Sent the moment `done` arrives, not when the stream closes.
      turns.push(chat.send(flowId, `round ${round} [[slow:20]]`))
    }
    await turns.at(-1)!.waitFor('done', 60_000)
    for (const [index, turn] of turns.entries()) {
      expect(await turn.status).toBe(200)
      expect(await turn.finished).toBe(true)
      expect(turn.events.at(-1)?.event).toBe('done')
      if (index > 0) expect(eventsNamed<{ text: string }>(turn, 'text').map((e) => e.text).join('')).toContain('tick 9')
    }
  })
})
