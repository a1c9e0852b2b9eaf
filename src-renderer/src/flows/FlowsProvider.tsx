import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { FlowsState, FlowsStore } from './store'

const FlowsStoreContext = createContext<FlowsStore | null>(null)

export function FlowsProvider({ store, children }: { store: FlowsStore; children: ReactNode }) {
  return <FlowsStoreContext value={store}>{children}</FlowsStoreContext>
}

/** Subscribe to one slice of the flows store; re-renders only when that slice changes. */
export function useFlows<T>(selector: (state: FlowsState) => T): T {
  return useStore(useFlowsStore(), selector)
}

export function useFlowsStore(): FlowsStore {
  const store = useContext(FlowsStoreContext)
  if (!store) throw new Error('useFlows must be used inside <FlowsProvider>')
  return store
}
