import { createParser, type EventSourceMessage } from 'eventsource-parser'

export type { EventSourceMessage }

/**
 * Feeds a streaming fetch body through the SSE parser, one callback per event.
 * Resolves when the server ends the body; rejects when reading fails (the
 * connection dropped, or the request was aborted).
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (message: EventSourceMessage) => void,
): Promise<void> {
  const parser = createParser({ onEvent })
  // stream: true keeps a multi-byte character split across chunks intact.
  const decoder = new TextDecoder()
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    parser.feed(decoder.decode(value, { stream: true }))
  }
}
