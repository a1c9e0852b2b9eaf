import { useMemo } from 'react'
import type { FlowNode } from '../../../src-main/contract/api'
import { configProblems, configSummary } from '../properties/config-rules'
import type { Decorations } from './canvas-nodes'
import { useEditor, useEditorServices } from './EditorContext'
import { useFlowRunStates } from '../runs/useFlowRunStates'

/** What each canvas node shows besides itself: summary, problems (ours and the server's), run state. */
export function useCanvasLook(flowId: string, nodes: readonly FlowNode[]): { look: Decorations; running: ReadonlySet<string> } {
  const { kinds } = useEditorServices()
  const problems = useEditor((state) => state.problems)
  const { states, durations, outputs } = useFlowRunStates(flowId, nodes)
  return useMemo(() => {
    const kindOf = new Map(kinds.map((kind) => [kind.kind, kind]))
    const look: Decorations = {
      summary: configSummary,
      problems: (node) => {
        const local = Object.values(configProblems(node, kindOf.get(node.kind)))
        const remote = problems.filter((problem) => problem.node_id === node.id).map((problem) => problem.message)
        return [...new Set([...local, ...remote])]
      },
      runState: (node) => states.get(node.id),
      runDuration: (node) => durations.get(node.id) ?? null,
      lastOutput: (node) => outputs.get(node.id) ?? null,
    }
    const running = new Set([...states].filter(([, state]) => state === 'running').map(([id]) => id))
    return { look, running }
  }, [kinds, problems, states, durations, outputs])
}
