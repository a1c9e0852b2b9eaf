import type { FlowNode } from '../../../src-main/contract/api'

/** The flow's trigger: the first trigger node, as the scheduler sees it. */
export function triggerNode(nodes: readonly FlowNode[]): FlowNode | undefined {
  return nodes.find((node) => node.node_type === 'trigger')
}

/** A cron trigger's schedule text ('' when it has none). */
export function cronSchedule(node: FlowNode): string {
  const config = node.config
  if (typeof config !== 'object' || config === null || !('schedule' in config)) return ''
  return typeof config.schedule === 'string' ? config.schedule : ''
}

/**
 * The flow's nodes with the cron trigger set to `schedule`: the existing
 * trigger keeps its other settings, a flow without one gets a new trigger.
 */
export function withCronSchedule(nodes: readonly FlowNode[], schedule: string): FlowNode[] {
  const trigger = triggerNode(nodes)
  if (trigger === undefined) {
    const added: FlowNode = {
      id: crypto.randomUUID(),
      node_type: 'trigger',
      kind: 'cron',
      config: { schedule },
      position: { x: 0, y: 0 },
      label: 'Schedule',
    }
    return [added, ...nodes]
  }
  const config = typeof trigger.config === 'object' && trigger.config !== null ? trigger.config : {}
  return nodes.map((node) => (node.id === trigger.id ? { ...node, config: { ...config, schedule } } : node))
}
