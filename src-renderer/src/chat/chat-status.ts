import type { ChatEvent } from '../api/chat-events'

/** The one-line status shown while a turn runs, moved on by each event. */
export function turnStatus(event: ChatEvent, current: string): string {
  switch (event.type) {
    case 'system':
      return event.message === 'Ready' ? 'Claude is ready' : event.message
    case 'text_delta':
    case 'text':
      return 'Answering…'
    case 'tool_use':
      return `Running ${event.tool}…`
    case 'tool_result':
      return 'Thinking…'
    case 'permission_request':
      return `Waiting for your approval (${event.request.tool_name})…`
    case 'permission_settled':
      return event.settled.outcome === 'allowed' ? `Running ${event.settled.tool_name}…` : 'Thinking…'
    case 'result':
    case 'done':
      return 'Finishing…'
    default:
      return current
  }
}
