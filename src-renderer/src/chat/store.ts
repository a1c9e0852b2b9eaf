import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ChatApi, ChatTarget } from '../api/chat'
import type { SessionListItem } from '../../../src-main/contract/api'
import type { OpenStream } from '../../../src-main/contract/bridge'
import { appBridge } from '../api/connection'
import { decodeChatActivity, type ChatActivity } from '../api/chat-activity'
import { followAppEvents } from '../api/app-events-stream'
import type { AppEventListener } from '../api/app-events'
import { followTurn, sendMessage, type TurnHandlers, type TurnOutcome, type TurnStream } from '../api/turn-stream'
import { nodeChatKey, sessionChatKey } from './chat-keys'
import { turnStatus, type TurnStatus } from './chat-status'
import { errorMessage } from '../ui/format'
import { afterSuccess, failedAction } from '../ui/failed-action'
import { pickSession } from './sessions'
import { entriesFromHistory, prependHistory, withoutRunningTurn } from './history'
import {
  EMPTY_CHAT,
  dropTranscript,
  editTranscript,
  patchNodeChat,
  patchRunning,
  refusal,
  setRunning,
  type ChatState,
  type NodeChat,
  type RunningTurn,
} from './chat-model'
import {
  addError,
  addNote,
  addUserMessage,
  applyChatEvent,
  closeLive,
  withdrawUserMessage,
  type Transcript,
} from './transcript'

export type { ChatState, NodeChat, RunningTurn } from './chat-model'
export { EMPTY_CHAT } from './chat-model'

export type ChatStore = StoreApi<ChatState>

const LOAD_SESSIONS = 'load the chat sessions'
const STOP = 'stop the answer'
const LOAD_EARLIER = 'load earlier messages'

// After stop returns the turn is over; give its last events this long to arrive before cutting the stream.
const STOP_DRAIN_MS = 1_500

/**
 * `openStream` defaults to the app's bridge (the preload in Electron, the shim in a browser);
 * `followEvents` to the window's shared app-wide stream.
 */
export function createChatStore(
  api: ChatApi,
  openStream: OpenStream = (...args) => appBridge().openStream(...args),
  followEvents: (listener: AppEventListener) => () => void = followAppEvents,
): ChatStore {
  return createStore<ChatState>()((set, get) => {
    let lastEntryId = 0
    const nextId = (): number => ++lastEntryId
    const streams = new Map<string, TurnStream>()

    const chatOf = (target: ChatTarget): NodeChat => get().chats[nodeChatKey(target)] ?? EMPTY_CHAT
    const patchChat = (target: ChatTarget, patch: Partial<NodeChat>): void =>
      set((state) => patchNodeChat(state, nodeChatKey(target), patch))
    const fail = (target: ChatTarget, what: string, error: unknown, retry: () => Promise<unknown>): void =>
      patchChat(target, { failed: failedAction(what, error, retry) })
    // Each action starts with a clean slate: what it reports is about itself.
    const clear = (target: ChatTarget): void => patchChat(target, { failed: null, error: null, notice: null })
    const succeeded = (target: ChatTarget, what: string): void => patchChat(target, { failed: afterSuccess(chatOf(target).failed, what) })
    const edit = (key: string, change: (transcript: Transcript) => Transcript): void =>
      set((state) => editTranscript(state, key, change))
    const running = (key: string, turn: RunningTurn | null): void => set((state) => setRunning(state, key, turn))
    const updateRunning = (key: string, patch: (turn: RunningTurn) => Partial<RunningTurn>): void =>
      set((state) => patchRunning(state, key, patch))

    const refresh = async (target: ChatTarget, follow: boolean): Promise<void> => {
      patchChat(target, { loading: true })
      try {
        const listing = await api.listSessions(target)
        const selected = pickSession(listing, chatOf(target).selected)
        patchChat(target, { sessions: listing.sessions, selected, loaded: true, loading: false })
        succeeded(target, LOAD_SESSIONS)
        if (selected !== null) await loadHistory(target, selected)
        if (follow) followIfBusy(target)
        void loadSlashCommands(target)
      } catch (error) {
        patchChat(target, { loading: false })
        fail(target, LOAD_SESSIONS, error, () => refresh(target, follow))
      }
    }

    // Until a claude of this chat has started the list is unknown; after that it changes rarely.
    const loadSlashCommands = async (target: ChatTarget): Promise<void> => {
      const chat = chatOf(target)
      // Before a first message no claude of this chat has listed them (and a node just drawn may not be saved yet).
      if (chat.slashCommands.known || !chat.sessions.some((session) => session.message_count > 0)) return
      try {
        patchChat(target, { slashCommands: await api.slashCommands(target) })
      } catch {
        // Without the list the box still sends whatever is typed.
      }
    }

    /**
     * Merges the newest page of the session's stored history, once. A turn still
     * running is left out: following it streams it again from its start.
     */
    const loadHistory = async (target: ChatTarget, sessionId: string): Promise<void> => {
      const key = sessionChatKey(target, sessionId)
      const history = get().transcripts[key]?.history
      if (history?.loaded || history?.loading) return
      edit(key, (t) => ({ ...t, history: { ...t.history, loading: true } }))
      try {
        const page = await api.transcript(target, sessionId, null)
        const busy = chatOf(target).sessions.find((s) => s.session_id === sessionId)?.busy === true
        const older = entriesFromHistory(busy ? withoutRunningTurn(page.entries) : page.entries, nextId)
        edit(key, (t) => prependHistory(t, older, page.next_before))
      } catch (error) {
        // Without history the chat still works; say what is missing and go on.
        edit(key, (t) => ({ ...t, history: { loaded: true, loading: false, earlier: null } }))
        patchChat(target, { notice: `Earlier messages could not be loaded: ${errorMessage(error)}` })
      }
    }

    // After a reload (or a 409) the shown session may be mid-turn: stream the rest of it.
    const followIfBusy = (target: ChatTarget): void => {
      const chat = chatOf(target)
      const session = chat.sessions.find((s) => s.session_id === chat.selected)
      if (!session?.busy || get().running[sessionChatKey(target, session.session_id)]) return
      const sessionId = session.session_id
      void runTurn(target, sessionId, { text: 'Following the running answer…', warning: false }, (handlers) =>
        followTurn(openStream, target, sessionId, handlers),
      )
    }

    /** Streams one turn into its session's transcript. */
    const runTurn = async (
      target: ChatTarget,
      sessionId: string,
      status: TurnStatus,
      start: (handlers: TurnHandlers) => TurnStream,
      onOpen?: () => void,
    ): Promise<TurnOutcome> => {
      const key = sessionChatKey(target, sessionId)
      running(key, { status, stopping: false })
      const stream = start({
        onOpen,
        onEvent: (event) => {
          edit(key, (t) => applyChatEvent(t, event, nextId))
          updateRunning(key, (turn) => (turn.stopping ? {} : { status: turnStatus(event, turn.status) }))
        },
        onReconnect: () => updateRunning(key, () => ({ status: { text: 'Reconnecting…', warning: true } })),
      })
      streams.set(key, stream)
      const outcome = await stream.finished
      streams.delete(key)
      running(key, null)
      edit(key, closeLive)
      if (outcome.kind === 'lost') {
        const message = `Lost the connection to this answer (${outcome.error.message}). It may still be running: reopen the chat to follow it.`
        edit(key, (t) => addError(t, message, nextId()))
      }
      // Message counts and costs changed; a refused message may have met a busy session worth following.
      void refresh(target, outcome.kind === 'refused')
      return outcome
    }

    // A turn started or ended elsewhere: the shown session follows it; the lists learn who is busy.
    const onActivity = (activity: ChatActivity): void => {
      const target: ChatTarget = { flowId: activity.flowId, nodeId: activity.nodeId }
      const chat = get().chats[nodeChatKey(target)]
      if (!chat?.loaded) return
      if (activity.type === 'turn_ended') {
        if (!get().running[sessionChatKey(target, activity.sessionId)]) void refresh(target, false)
        return
      }
      const key = sessionChatKey(target, activity.sessionId)
      if (get().running[key]) return
      patchChat(target, { sessions: chat.sessions.map((s) => (s.session_id === activity.sessionId ? { ...s, busy: true } : s)) })
      if (activity.sessionId !== chat.selected) {
        if (!chat.sessions.some((s) => s.session_id === activity.sessionId)) void refresh(target, false)
        return
      }
      // The message that started it was sent elsewhere: read the history again (it holds that
      // message), then stream the turn from its start.
      set((state) => dropTranscript(state, key))
      void loadHistory(target, activity.sessionId).then(() => followIfBusy(target))
    }
    let watchers = 0
    let unwatch: (() => void) | null = null

    /** `retry` is what the user asked for: a new session, or a message that needed one. */
    const createSession = async (target: ChatTarget, retry: () => Promise<unknown>): Promise<string | null> => {
      try {
        const created = await api.newSession(target)
        const session: SessionListItem = {
          session_id: created.session_id,
          summary: '',
          message_count: 0,
          total_cost: 0,
          created_at: created.created_at,
          busy: false,
        }
        // A new session has no history to fetch.
        edit(sessionChatKey(target, session.session_id), (t) => ({ ...t, history: { loaded: true, loading: false, earlier: null } }))
        patchChat(target, {
          sessions: [...chatOf(target).sessions, session],
          selected: session.session_id,
          notice: created.warning ?? null,
        })
        return session.session_id
      } catch (error) {
        fail(target, 'start a new chat session', error, retry)
        return null
      }
    }

    return {
      chats: {},
      transcripts: {},
      running: {},

      loadSessions: (target) => refresh(target, true),

      selectSession(target, sessionId) {
        clear(target)
        patchChat(target, { selected: sessionId })
        void loadHistory(target, sessionId).then(() => followIfBusy(target))
      },

      async newSession(target) {
        clear(target)
        const id = await createSession(target, () => get().newSession(target))
        if (id === null) return false
        void refresh(target, false)
        return true
      },

      async deleteSession(target, sessionId) {
        clear(target)
        try {
          const body = await api.deleteSession(target, sessionId)
          const chat = chatOf(target)
          patchChat(target, {
            sessions: chat.sessions.filter((s) => s.session_id !== sessionId),
            selected: chat.selected === sessionId ? body.active_session : chat.selected,
          })
          const key = sessionChatKey(target, sessionId)
          streams.get(key)?.abort()
          set((state) => dropTranscript(state, key))
          void refresh(target, true)
          return true
        } catch (error) {
          fail(target, 'delete the chat session', error, () => get().deleteSession(target, sessionId))
          return false
        }
      },

      async send(target, prompt, images = []) {
        const text = prompt.trim()
        if (text === '' && images.length === 0) return false
        clear(target)
        // Retrying only makes the session: the message is still in the box for Send.
        const sessionId = chatOf(target).selected ?? (await createSession(target, () => get().newSession(target)))
        if (sessionId === null) return false
        const key = sessionChatKey(target, sessionId)
        if (get().running[key]) return false
        // History first, so a message sent right after a reload lands after it, not before.
        await loadHistory(target, sessionId)
        if (get().running[key]) return false

        const userEntry = nextId()
        edit(key, (t) => addUserMessage(t, text, userEntry, images.length))
        return new Promise<boolean>((resolve) => {
          const accepted = (): void => resolve(true)
          void runTurn(target, sessionId, { text: 'Sending…', warning: false }, (h) => sendMessage(openStream, target, { text, images }, sessionId, h), accepted).then(
            (outcome) => {
              if (outcome.kind !== 'refused') return resolve(true)
              edit(key, (t) => withdrawUserMessage(t, userEntry))
              patchChat(target, refusal(outcome.error))
              resolve(false)
            },
          )
        })
      },

      async stop(target) {
        const sessionId = chatOf(target).selected
        if (sessionId === null) return
        const key = sessionChatKey(target, sessionId)
        if (!get().running[key]) return
        updateRunning(key, () => ({ stopping: true, status: { text: 'Stopping…', warning: false } }))
        try {
          await api.stop(target, sessionId)
          succeeded(target, STOP)
        } catch (error) {
          updateRunning(key, () => ({ stopping: false }))
          fail(target, STOP, error, () => get().stop(target))
          return
        }
        const stream = streams.get(key)
        if (stream) {
          await Promise.race([stream.finished, new Promise((resolve) => window.setTimeout(resolve, STOP_DRAIN_MS))])
          stream.abort()
        }
        edit(key, (t) => addNote(t, 'Stopped.', nextId()))
      },

      async loadEarlier(target) {
        const sessionId = chatOf(target).selected
        if (sessionId === null) return
        const key = sessionChatKey(target, sessionId)
        const history = get().transcripts[key]?.history
        if (!history || history.loading || history.earlier === null) return
        const before = history.earlier
        edit(key, (t) => ({ ...t, history: { ...t.history, loading: true } }))
        try {
          const page = await api.transcript(target, sessionId, before)
          edit(key, (t) => prependHistory(t, entriesFromHistory(page.entries, nextId), page.next_before))
          succeeded(target, LOAD_EARLIER)
        } catch (error) {
          edit(key, (t) => ({ ...t, history: { ...t.history, loading: false } }))
          fail(target, LOAD_EARLIER, error, () => get().loadEarlier(target))
        }
      },

      dismiss: (target) => clear(target),

      watchActivity() {
        if (watchers++ === 0) {
          unwatch = followEvents({
            onEvent: (message) => {
              const activity = decodeChatActivity(message)
              if (activity) onActivity(activity)
            },
          })
        }
        let released = false
        return () => {
          if (released) return
          released = true
          if (--watchers === 0) {
            unwatch?.()
            unwatch = null
          }
        }
      },
    }
  })
}
