// Which chat the Chat tab shows: one executor node, or the flow's lead agent.

/** The select's value for the lead agent; node ids are never empty. */
export const LEAD_AGENT_VALUE = ''

interface Executor {
  id: string
}

/**
 * The node to chat with, or null for the lead agent. An explicit lead-agent
 * choice (`chosen` null) wins; otherwise the executor selected on the canvas,
 * else the last one chatted with, else the first.
 */
export function chatChoice(executors: readonly Executor[], selectedNodes: readonly string[], chosen: string | null | undefined): string | null {
  if (chosen === null) return null
  const selected = executors.find((node) => selectedNodes.includes(node.id))
  return (selected ?? executors.find((node) => node.id === chosen) ?? executors[0])?.id ?? null
}
