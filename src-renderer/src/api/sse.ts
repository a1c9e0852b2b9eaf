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
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    parser.feed(value)
  }
}
