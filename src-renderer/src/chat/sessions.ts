import type { SessionListItem, SessionListing } from '../../../src-main/contract/api'

/** Keep the session the user looks at; otherwise the server's active one, else the newest. */
export function pickSession(listing: SessionListing, current: string | null): string | null {
  const exists = (id: string | null): id is string =>
    id !== null && id !== '' && listing.sessions.some((s) => s.session_id === id)
  if (exists(current)) return current
  if (exists(listing.active_session)) return listing.active_session
  return listing.sessions.at(-1)?.session_id ?? null
}

/** How a session is named in the picker. */
export function sessionLabel(session: SessionListItem): string {
  const name = session.summary === '' ? 'New session' : session.summary
  const count = session.message_count === 1 ? '1 message' : `${session.message_count} messages`
  return `${name} · ${count}`
}
