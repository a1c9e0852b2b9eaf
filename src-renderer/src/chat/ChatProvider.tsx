import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { ChatState, ChatStore } from './store'

const ChatStoreContext = createContext<ChatStore | null>(null)

export function ChatProvider({ store, children }: { store: ChatStore; children: ReactNode }) {
  return <ChatStoreContext value={store}>{children}</ChatStoreContext>
}

/** Subscribe to one slice of the chat store; re-renders only when that slice changes. */
export function useChat<T>(selector: (state: ChatState) => T): T {
  const store = useContext(ChatStoreContext)
  if (!store) throw new Error('useChat must be used inside <ChatProvider>')
  return useStore(store, selector)
}
