// Which `claude` children are running and for what: a chat (its argv names
// the Claude session, which the session store maps to a flow and node) or a
// run's executor (matched to the executor node runs that are going).
import type { Flow, FlowRun, LiveProcess } from '../contract/api'

export interface Child {
  pid: number
  args: readonly string[]
}

/** A chat session's place: flow-level sessions have no node. */
export interface SessionPlace {
  flow_id: string
  node_id: string | null
}

/** An executor node run that is going: a run process may belong to it. */
export interface RunningExecutor {
  flow_id: string
  run_id: string
  node_id: string
  started_at: string
}

export type ChildKind = { role: 'chat'; sessionId: string } | { role: 'run' } | { role: 'other' }

/** From argv alone: chats name a session; executors stream JSON without one; summarise and /claude do neither. */
export function classify(args: readonly string[]): ChildKind {
  for (const flag of ['--session-id', '--resume']) {
    const at = args.indexOf(flag)
    if (at >= 0 && at + 1 < args.length) return { role: 'chat', sessionId: args[at + 1]! }
  }
  return args.includes('--output-format') ? { role: 'run' } : { role: 'other' }
}

/** Executor node runs still going, oldest first (the order their processes started). */
export function runningExecutors(flows: readonly Flow[], runsOf: (flowId: string) => readonly FlowRun[]): RunningExecutor[] {
  const found: RunningExecutor[] = []
  for (const flow of flows) {
    for (const run of runsOf(flow.id)) {
      if (run.status !== 'running') continue
      for (const nodeRun of run.node_runs) {
        if (nodeRun.status !== 'running') continue
        // A node since removed from the flow may still be the executor of this run.
        const node = flow.nodes.find((n) => n.id === nodeRun.node_id)
        if (node && node.node_type !== 'executor') continue
        found.push({ flow_id: flow.id, run_id: run.id, node_id: nodeRun.node_id, started_at: nodeRun.started_at })
      }
    }
  }
  return found.sort((a, b) => a.started_at.localeCompare(b.started_at))
}

/**
 * Pairs run processes with executor node runs. Exact when the counts agree;
 * otherwise only what is certain is said (one run going → its ids, else unknown).
 */
export function attributeRuns(pids: readonly number[], executors: readonly RunningExecutor[]): Omit<LiveProcess, 'rss_bytes'>[] {
  const runIds = new Set(executors.map((e) => e.run_id))
  return pids.map((pid, index) => {
    const exact = pids.length === executors.length ? executors[index] : undefined
    const only = !exact && runIds.size === 1 ? executors[0] : undefined
    return {
      pid,
      role: 'run',
      flow_id: exact?.flow_id ?? only?.flow_id ?? '',
      node_id: exact?.node_id ?? (only && executors.length === 1 ? only.node_id : null),
      session_id: null,
      run_id: exact?.run_id ?? only?.run_id ?? null,
    }
  })
}

/** Everything but memory, for every chat and run child (others are not listed). */
export function describeChildren(
  children: readonly Child[],
  placeOf: (sessionId: string) => SessionPlace | undefined,
  executors: readonly RunningExecutor[],
): Omit<LiveProcess, 'rss_bytes'>[] {
  const chats: Omit<LiveProcess, 'rss_bytes'>[] = []
  const runPids: number[] = []
  for (const child of children) {
    const kind = classify(child.args)
    if (kind.role === 'chat') {
      const place = placeOf(kind.sessionId)
      chats.push({ pid: child.pid, role: 'chat', flow_id: place?.flow_id ?? '', node_id: place?.node_id ?? null, session_id: kind.sessionId, run_id: null })
    } else if (kind.role === 'run') runPids.push(child.pid)
  }
  return [...chats, ...attributeRuns(runPids, executors)]
}
