import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { FlowEdge, FlowNode, NodeKind } from '../../../src-main/contract/api'
import type { EditorCommands } from './commands'
import type { NodeKindsStore } from './node-kinds'
import type { SaveQueue } from './save-queue'
import type { EditorState, EditorStore } from './store'

export interface EditorServices {
  store: EditorStore
  saves: SaveQueue
  commands: EditorCommands
  /** The node-kind catalogue (GET /api/node-types), empty until it arrives. */
  kinds: readonly NodeKind[]
  /** Where the catalogue comes from, with its failure and retry. */
  nodeKinds: NodeKindsStore
}

const EditorContext = createContext<EditorServices | null>(null)

export function EditorProvider({ services, children }: { services: EditorServices; children: ReactNode }) {
  return <EditorContext value={services}>{children}</EditorContext>
}

export function useEditorServices(): EditorServices {
  const services = useContext(EditorContext)
  if (!services) throw new Error('editor hooks must be used inside <EditorProvider>')
  return services
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorServices().store, selector)
}

// Stable selectors: a fresh `[]` per call would re-render forever.
const NO_NODES: FlowNode[] = []
const NO_EDGES: FlowEdge[] = []
export const selectNodes = (state: EditorState): FlowNode[] => state.doc?.nodes ?? NO_NODES
export const selectEdges = (state: EditorState): FlowEdge[] => state.doc?.edges ?? NO_EDGES
