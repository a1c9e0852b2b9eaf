// Assembles GET /api/status from the running services: app version, data
// directory, the claude CLI, its live children with their memory, and the
// scheduler's soonest cron fire.
import { version } from '../../package.json'
import type { AppStatus, Flow } from '../contract/api'
import type { ClaudeRuntime } from '../agent/claude-runtime'
import type { FlowStore } from '../flows/flow-store'
import type { RunStore } from '../runs/run-store'
import type { Scheduler } from '../scheduler/scheduler'
import type { SessionStore } from '../sessions/session-store'
import { ClaudeVersionCache, probeClaudeVersion } from './claude-version'
import { describeChildren, runningExecutors, type SessionPlace } from './live-processes'
import { nextCronRun } from './next-run'
import { treeRss } from './process-memory'

export interface StatusDeps {
  dataDir: string
  runtime: ClaudeRuntime
  flows: FlowStore
  sessions: SessionStore
  runs: RunStore
  scheduler: Scheduler
  now: () => Date
}

/** Finds which flow (and node) holds a chat session: flow-level key `<flow>`, node-level `<flow>::<node>`. */
function sessionPlace(flows: readonly Flow[], sessions: SessionStore, sessionId: string): SessionPlace | undefined {
  const holds = (key: string) => sessions.get(key)?.sessions.some((s) => s.session_id === sessionId) ?? false
  for (const flow of flows) {
    if (holds(flow.id)) return { flow_id: flow.id, node_id: null }
    for (const node of flow.nodes) if (node.node_type === 'executor' && holds(`${flow.id}::${node.id}`)) return { flow_id: flow.id, node_id: node.id }
  }
  return undefined
}

export class AppStatusService {
  private readonly claude: ClaudeVersionCache

  constructor(private readonly deps: StatusDeps) {
    const env = { ...process.env, ...deps.runtime.childEnv }
    this.claude = new ClaudeVersionCache(() => probeClaudeVersion(deps.runtime.bin, env))
  }

  async read(): Promise<AppStatus> {
    const { flows, sessions, runs, scheduler, runtime } = this.deps
    const allFlows = flows.all()
    const described = describeChildren(
      runtime.launcher.children(),
      (id) => sessionPlace(allFlows, sessions, id),
      runningExecutors(allFlows, (flowId) => runs.list(flowId)),
    )
    const [claude, memory] = await Promise.all([this.claude.get(), treeRss(described.map((process) => process.pid))])
    const processes = described.map((process) => ({ ...process, rss_bytes: memory.get(process.pid) ?? null }))
    const { active_count, total_flows } = scheduler.status()
    return {
      version,
      data_dir: this.deps.dataDir,
      claude: { command: runtime.bin, ...claude },
      processes,
      scheduler: { active_count, total_flows, next_run: nextCronRun(allFlows, (id) => scheduler.isActive(id), this.deps.now()) },
    }
  }
}
