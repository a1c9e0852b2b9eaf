// Delivery with a bot token: chat.postMessage with Block Kit, the main message
// first, then the optional reply in its thread.
import { z } from 'zod'
import { requestJson } from './http'
import { chunkBlocks, fallbackText, markdownToBlocks } from './slack-blocks'
import { splitThread } from './slack-thread'

const answer = z.object({ ok: z.boolean(), error: z.string().optional(), ts: z.string().optional() })

/** Posts one message; Slack reports failures as HTTP 200 with `ok: false`. Returns the message's `ts`. */
async function postMessage(apiUrl: string, token: string, payload: Record<string, unknown>): Promise<string | null> {
  const json = await requestJson(`${apiUrl}/chat.postMessage`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, json: payload })
  const parsed = answer.safeParse(json)
  if (!parsed.success) throw new Error('Slack chat.postMessage gave an unexpected answer')
  if (!parsed.data.ok) throw new Error(`Slack chat.postMessage failed: ${parsed.data.error ?? 'unknown error'}`)
  return parsed.data.ts ?? null
}

/** Posts markdown as one or more messages (50 blocks each); returns the first message's `ts`. */
async function postMarkdown(apiUrl: string, token: string, channel: string, markdown: string, threadTs: string | null): Promise<string | null> {
  let first: string | null = null
  for (const blocks of chunkBlocks(markdownToBlocks(markdown))) {
    const payload = { channel, text: fallbackText(blocks), blocks, ...(threadTs ? { thread_ts: threadTs } : {}) }
    const ts = await postMessage(apiUrl, token, payload)
    first ??= ts
  }
  return first
}

export async function deliverWithBot(apiUrl: string, token: string, channel: string, text: string): Promise<void> {
  const { main, reply } = splitThread(text)
  // A text that is all reply is posted as the message itself.
  const head = main || reply
  if (!head) return
  const ts = await postMarkdown(apiUrl, token, channel, head, null)
  if (main && reply) {
    if (!ts) throw new Error('Slack chat.postMessage gave no message ts, so the thread reply cannot be posted')
    await postMarkdown(apiUrl, token, channel, reply, ts)
  }
}
