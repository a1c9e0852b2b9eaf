import type { FlowNode } from '../../../src-main/contract/api'

export interface ExecutorDraft {
  label: string
  prompt: string
  /** Empty: the server's own working directory. */
  workingDir: string
}

/** A Claude Code executor node, ready to append to a flow's `nodes`. */
export function newExecutorNode({ label, prompt, workingDir }: ExecutorDraft): FlowNode {
  const dir = workingDir.trim()
  return {
    id: crypto.randomUUID(),
    node_type: 'executor',
    kind: 'claude-code',
    config: dir === '' ? { prompt } : { prompt, working_dir: dir },
    // The canvas will place it; until then every node starts at the origin.
    position: { x: 0, y: 0 },
    label: label.trim(),
  }
}

/** The executor nodes of a flow, in the flow's order. */
export function executorNodes(nodes: readonly FlowNode[]): FlowNode[] {
  return nodes.filter((node) => node.node_type === 'executor')
}

/** The working directory a node's config names, if any (config is free-form JSON). */
export function configuredWorkingDir(node: FlowNode): string | null {
  const config = node.config
  if (typeof config !== 'object' || config === null || !('working_dir' in config)) return null
  return typeof config.working_dir === 'string' && config.working_dir !== '' ? config.working_dir : null
}
