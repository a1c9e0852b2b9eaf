// A session's stored transcript (GET …/transcript) turned into the same entries live events make,
// so history and live output render with the same components.
import type { TranscriptEntry } from '../../../src-main/contract/api'
import { decodeChatEvent } from '../api/chat-events'
import { addUserMessage, applyChatEvent, closeLive, EMPTY_TRANSCRIPT, type ChatEntry, type Transcript } from './transcript'

/** Folds stored entries (oldest first) into chat entries. */
export function entriesFromHistory(stored: readonly TranscriptEntry[], nextId: () => number): ChatEntry[] {
  let transcript: Transcript = EMPTY_TRANSCRIPT
  for (const item of stored) {
    if (item.event === 'user') {
      const data = typeof item.data === 'object' && item.data !== null ? (item.data as Record<string, unknown>) : {}
      const text = typeof data.text === 'string' ? data.text : ''
      // The log keeps how many images a message carried (a count, or the list itself).
      const images = typeof data.images === 'number' ? data.images : Array.isArray(data.images) ? data.images.length : 0
      transcript = addUserMessage(transcript, text, nextId(), images)
      continue
    }
    // The live decoder reads SSE frames: give it the entry's data as the frame's text.
    const frame = item.event === 'stderr' && typeof item.data === 'string' ? item.data : JSON.stringify(item.data)
    const event = decodeChatEvent({ event: item.event, data: frame, id: null })
    if (event !== null) transcript = applyChatEvent(transcript, event, nextId)
  }
  return closeLive(transcript).entries
}

/**
 * For a session whose latest turn is still running: that turn's events are
 * streamed again from its start when we follow it, so only its `user` entry stays.
 */
export function withoutRunningTurn(stored: readonly TranscriptEntry[]): TranscriptEntry[] {
  const last = stored.reduce((max, item) => Math.max(max, item.turn), -1)
  return stored.filter((item) => item.turn !== last || item.event === 'user')
}

/** Puts older entries in front; a half-built answer's index moves with them. */
export function prependHistory(transcript: Transcript, older: ChatEntry[], earlier: string | null): Transcript {
  return {
    ...transcript,
    entries: [...older, ...transcript.entries],
    liveIndex: transcript.liveIndex === null ? null : transcript.liveIndex + older.length,
    history: { loaded: true, loading: false, earlier },
  }
}
