import type { ChatEvent, TurnProgress } from '../api/chat-events'

/** The one-line status shown while a turn runs; `warning` when something is going wrong (the API failing). */
export interface TurnStatus {
  text: string
  warning: boolean
}

const plain = (text: string): TurnStatus => ({ text, warning: false })

/** Moves the status on by one event of the turn. */
export function turnStatus(event: ChatEvent, current: TurnStatus): TurnStatus {
  switch (event.type) {
    case 'system':
      return plain(event.message === 'Ready' ? 'Claude is ready' : event.message)
    case 'status':
      return progressStatus(event.status)
    case 'thinking':
      return plain('Thinking…')
    case 'text_delta':
    case 'text':
      return plain('Answering…')
    case 'tool_use':
      return plain(`Running ${event.tool}…`)
    case 'tool_result':
      return plain('Thinking…')
    case 'permission_request':
      return plain(`Waiting for your approval (${event.request.tool_name})…`)
    case 'permission_settled':
      return plain(event.settled.outcome === 'allowed' ? `Running ${event.settled.tool_name}…` : 'Thinking…')
    case 'error':
      return { text: 'Failed', warning: true }
    case 'result':
    case 'done':
      return event.type === 'result' && event.isError ? { text: 'Failed', warning: true } : plain('Finishing…')
    default:
      return current
  }
}

export function progressStatus(progress: TurnProgress): TurnStatus {
  switch (progress.state) {
    case 'starting':
      return plain('Starting Claude…')
    case 'waiting':
      return plain('Waiting for the API…')
    case 'retrying': {
      const count = progress.attempt === null ? '' : progress.maxRetries === null ? ` (attempt ${progress.attempt})` : ` (attempt ${progress.attempt} of ${progress.maxRetries})`
      const wait = progress.delayMs === null ? '' : `, next try in ${Math.max(1, Math.round(progress.delayMs / 1000))} s`
      return { text: `The API failed${progress.cause ? `: ${progress.cause}` : ''}. Retrying${count}${wait}…`, warning: true }
    }
  }
}
