// GET /api/chat/activity (an extension): every chat turn's start and end, for
// all tabs. On connect the turns running now come first, so a tab opened
// mid-turn can follow it with the session's own …/interact/stream.
import type { FastifyInstance } from 'fastify'
import type { NumberedActivity } from '../../sessions/chat-activity'
import type { ChatActivity } from '../../sessions/chat-activity'
import type { SseStreams } from '../sse'

const frame = ({ event, id }: NumberedActivity) => ({ event: event.event, data: JSON.stringify(event.data), id })

export function chatActivityRoutes(api: FastifyInstance, activity: ChatActivity, streams: SseStreams): void {
  api.get('/api/chat/activity', { config: { tokenInQuery: true } }, async (_request, reply) => {
    const stream = streams.start(reply)
    const { running, unsubscribe } = activity.subscribe((event, id) => stream.send(frame({ event, id })))
    stream.sendAll(running.map(frame))
    stream.onClose(unsubscribe)
  })
}
