// Where the user is in the window: which view, which bottom tab, which
// sidebar section and filter. Remembered across reloads.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export type MainView = 'flow' | 'prompts' | 'templates' | 'settings'
export type BottomTab = 'log' | 'history' | 'chat' | 'console'
export type FlowFilter = 'all' | 'enabled' | 'disabled'

interface ShellState {
  view: MainView
  bottomTab: BottomTab
  flowFilter: FlowFilter
  /** The executor whose chat the Chat tab shows, per flow; null for the lead agent. */
  chatNode: Record<string, string | null>
  /** The prompt open in the library. */
  promptId: string | null
  paletteOpen: boolean
  helpOpen: boolean
  newFlowOpen: boolean
  show(view: MainView): void
  showTab(tab: BottomTab): void
  setFlowFilter(filter: FlowFilter): void
  chatWith(flowId: string, nodeId: string | null): void
  openPrompt(id: string | null): void
  setPaletteOpen(open: boolean): void
  setHelpOpen(open: boolean): void
  setNewFlowOpen(open: boolean): void
}

export const useShell = create<ShellState>()(
  persist(
    (set) => ({
      view: 'flow',
      bottomTab: 'log',
      flowFilter: 'all',
      chatNode: {},
      promptId: null,
      paletteOpen: false,
      helpOpen: false,
      newFlowOpen: false,
      show: (view) => set({ view }),
      showTab: (bottomTab) => set({ bottomTab }),
      setFlowFilter: (flowFilter) => set({ flowFilter }),
      chatWith: (flowId, nodeId) => set((state) => ({ chatNode: { ...state.chatNode, [flowId]: nodeId }, bottomTab: 'chat' })),
      openPrompt: (promptId) => set({ promptId, view: 'prompts' }),
      setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setNewFlowOpen: (newFlowOpen) => set({ newFlowOpen }),
    }),
    {
      name: 'shoggoth.shell',
      // Overlays start closed; the rest is where the user left it.
      partialize: ({ view, bottomTab, flowFilter, chatNode, promptId }) => ({ view, bottomTab, flowFilter, chatNode, promptId }),
    },
  ),
)
