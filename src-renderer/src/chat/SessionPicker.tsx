import { useState } from 'react'
import type { ChatTarget } from '../api/chat'
import type { NodeChatView } from './useNodeChat'
import { formatCost } from './chat-format'
import { countLabel } from '../ui/format'
import { sessionLabel } from './sessions'
import { useChat } from './ChatProvider'
import { SessionDeleteControl } from './SessionDeleteControl'

/** Which session the chat talks to: pick one, start a new one, delete one, refresh. */
export function SessionPicker({ target, view }: { target: ChatTarget; view: NodeChatView }) {
  const select = useChat((s) => s.selectSession)
  const create = useChat((s) => s.newSession)
  const load = useChat((s) => s.loadSessions)
  const [creating, setCreating] = useState(false)
  const { chat, sessionId } = view
  const current = chat.sessions.find((s) => s.session_id === sessionId)

  const startNew = async (): Promise<void> => {
    setCreating(true)
    await create(target)
    setCreating(false)
  }

  return (
    <div className="sessions" data-testid="session-picker">
      <label className="sessions__field inline-field">
        <span>Session</span>
        <select
          className="sessions__select"
          data-testid="session-select"
          value={sessionId ?? ''}
          disabled={chat.sessions.length === 0}
          onChange={(event) => select(target, event.target.value)}
        >
          {chat.sessions.length === 0 && <option value="">{chat.loaded ? 'No session yet' : 'Loading…'}</option>}
          {chat.sessions.map((session) => (
            <option key={session.session_id} value={session.session_id}>
              {sessionLabel(session)}
            </option>
          ))}
        </select>
      </label>
      <div className="sessions__actions">
        <button type="button" className="button button--small" disabled={creating} onClick={() => void startNew()}>
          New session
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={chat.loading}
          onClick={() => void load(target)}
        >
          Refresh
        </button>
        {current && (
          <SessionDeleteControl key={current.session_id} target={target} sessionId={current.session_id} canDelete={chat.sessions.length > 1} />
        )}
      </div>
      {current && (
        <p className="sessions__meta" data-testid="session-meta">
          {countLabel(current.message_count, 'message')} · {formatCost(current.total_cost)} total
          {current.busy && ' · busy'}
        </p>
      )}
    </div>
  )
}
