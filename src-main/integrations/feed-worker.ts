// Worker-thread entry: parses feed documents for the main thread, so 50 feeds
// arriving together do not hold up the event loop (see feed-pool.ts).
import { parentPort } from 'node:worker_threads'
import { feedItems } from './feed-items'

export interface FeedJob {
  id: number
  xml: string
  limit: number
}

export type FeedAnswer = { id: number; items: ReturnType<typeof feedItems> } | { id: number; error: string }

parentPort?.on('message', ({ id, xml, limit }: FeedJob) => {
  let answer: FeedAnswer
  try {
    answer = { id, items: feedItems(xml, limit) }
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(answer)
})
