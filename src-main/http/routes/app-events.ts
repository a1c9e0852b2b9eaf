// GET /api/events (an extension): what a window follows app-wide, on ONE
// connection — permission questions (as /api/permissions/stream), chat turns
// starting and ending (as /api/chat/activity) and runs of any flow ending
// (`run_finished`, for notifications). A browser opens at most six
// connections to a host; a window holding one stream per topic would leave a
// second window on the same server none for its requests. On every connect the
// pending questions and the running turns come first, so nothing needs resuming
// and the frames carry no ids. A run's end is news only once: it is not replayed.
import type { FastifyInstance } from 'fastify'
import type { PermissionEvent, PermissionRegistry } from '../../permissions/registry'
import type { ChatActivity } from '../../sessions/chat-activity'
import type { ChatActivityEvent } from '../../contract/chat'
import type { RunFinished } from '../../contract/api'
import type { RunFinishedListener } from '../../runs/run-ends'
import type { SseEvent, SseStreams } from '../sse'

const frame = (event: PermissionEvent | ChatActivityEvent | { event: 'run_finished'; data: RunFinished }): SseEvent => ({ event: event.event, data: JSON.stringify(event.data) })

export interface AppEventSources {
  registry: PermissionRegistry
  activity: ChatActivity
  /** Follows every run's end; returns the unsubscribe. */
  followRunEnds(listener: RunFinishedListener): () => void
}

export function appEventRoutes(api: FastifyInstance, { registry, activity, followRunEnds }: AppEventSources, streams: SseStreams): void {
  api.get('/api/events', { config: { tokenInQuery: true } }, async (_request, reply) => {
    const stream = streams.start(reply)
    const questions = registry.subscribe((event) => stream.send(frame(event)))
    const turns = activity.subscribe((event) => stream.send(frame(event)))
    const runEnds = followRunEnds((data) => stream.send(frame({ event: 'run_finished', data })))
    stream.sendAll([...questions.pending.map(({ event }) => frame(event)), ...turns.running.map(({ event }) => frame(event))])
    stream.onClose(() => {
      questions.unsubscribe()
      turns.unsubscribe()
      runEnds()
    })
  })
}
