// Wire shapes of the loopback API (API contract §3). Types only: the preload
// script and the renderer import these, so all three sides agree by construction.

export type NodeType = 'trigger' | 'source' | 'filter' | 'executor' | 'sink'

export interface Position {
  x: number
  y: number
}

export interface FlowNode {
  id: string
  node_type: NodeType
  kind: string
  /** Any JSON value; normally an object of the kind's settings. */
  config: unknown
  position: Position
  label: string
}

export interface FlowEdge {
  id: string
  source: string
  target: string
}

export interface Flow {
  id: string
  name: string
  description: string
  enabled: boolean
  nodes: FlowNode[]
  edges: FlowEdge[]
  created_at: string
  updated_at: string
}

export interface FlowSummary {
  id: string
  name: string
  description: string
  enabled: boolean
  node_count: number
  edge_count: number
  created_at: string
  updated_at: string
}

export interface NewFlow {
  name: string
  description?: string
  nodes?: FlowNode[]
  edges?: FlowEdge[]
}

export interface FlowChanges {
  name?: string
  description?: string
  enabled?: boolean
  nodes?: FlowNode[]
  edges?: FlowEdge[]
}

export interface SavedPrompt {
  id: string
  title: string
  summary: string
  source_flow_name: string
  tags: string[]
  created_at: string
}

export interface NewPrompt {
  title: string
  summary: string
  source_flow_name?: string
  tags?: string[]
}

export interface PromptChanges {
  title?: string
  summary?: string
  tags?: string[]
}

export interface ConfigField {
  type: 'string' | 'number' | 'boolean' | 'array'
  description?: string
  required?: boolean
  default?: unknown
}

export interface NodeKind {
  kind: string
  node_type: NodeType
  label: string
  config_schema: Record<string, ConfigField>
}

export interface HealthResponse { status: 'ok' }
export interface FlowListResponse { flows: FlowSummary[] }
export interface CreatedResponse { id: string }
export interface DeletedResponse { deleted: true }
export interface NodeTypesResponse { node_types: NodeKind[] }
export interface PromptListResponse { prompts: SavedPrompt[] }

/** Every error body, whatever the status. */
export interface ErrorResponse { error: string }

export type RunStatus = 'running' | 'success' | 'failed'
/** A run as a whole may also end because the user cancelled it (an extension). */
export type FlowRunStatus = RunStatus | 'cancelled'
/** What started a run (an extension, kept on every run record). */
export type RunTrigger = 'manual' | 'cron' | 'webhook' | 'github-pr'

export interface NodeRun {
  node_id: string
  status: RunStatus
  started_at: string
  finished_at: string | null
  output_preview: string | null
  /**
   * Extension, executor nodes only: everything the executor printed (text, tool
   * calls, tool results), cut at 1 MiB with a note at the end when longer.
   */
  output?: string
}

export interface FlowRun {
  id: string
  flow_id: string
  status: FlowRunStatus
  started_at: string
  finished_at: string | null
  node_runs: NodeRun[]
  error: string | null
  /** Extension: what started the run; absent on runs written by the original. */
  trigger?: RunTrigger
  /** Extension: the executors' total cost in USD; absent on runs written by the original. */
  cost_usd?: number
}

/**
 * The contract's run events, plus extensions that clients of the original ignore:
 * `run_cancelled` ends a cancelled run; `executor_text`, `executor_tool_use` and
 * `executor_tool_result` carry a run's executor output live (message = the text,
 * the tool call as JSON, or the tool result).
 */
export type RunEventType =
  | 'run_started'
  | 'node_started'
  | 'node_completed'
  | 'node_failed'
  | 'run_completed'
  | 'run_failed'
  | 'log'
  | 'run_cancelled'
  | 'executor_text'
  | 'executor_tool_use'
  | 'executor_tool_result'

export interface RunEvent {
  flow_id: string
  run_id: string
  timestamp: string
  node_id: string | null
  event_type: RunEventType
  message: string
}

export interface RunListResponse { runs: FlowRun[] }

/**
 * `run_finished` on GET /api/events (an extension): a run of any flow ended.
 * Sent once per run, live only (never replayed on connect).
 */
export interface RunFinished {
  flow_id: string
  /** The flow's name when the run ended. */
  flow_name: string
  run_id: string
  status: Exclude<FlowRunStatus, 'running'>
  /** The run's last event's message: "Completed in 1.2s", the error, or "Cancelled after 3.0s". */
  message: string
  /** What started the run; null on runs that do not say. */
  trigger: RunTrigger | null
  started_at: string
  finished_at: string
  /** The output preview of the last node that finished well; null when none did. */
  last_output: string | null
}

/** One session in a list of interact sessions (§4.9). */
export interface SessionListItem {
  session_id: string
  /** The first prompt, shortened; empty before the first message. */
  summary: string
  message_count: number
  total_cost: number
  created_at: string
  busy: boolean
}

export interface SessionListing {
  flow_name: string
  /** Empty when there is no session yet. */
  active_session: string
  sessions: SessionListItem[]
}

export interface NewSessionResponse {
  session_id: string
  created_at: string
  warning?: string
}

export interface DeletedSessionResponse {
  deleted: true
  active_session: string
}

export interface StopResponse {
  status: 'stopped'
}

/** GET /api/flows/{id}/schedule — which fields are present depends on the trigger (§10.5). */
export interface FlowSchedule {
  flow_id: string
  /** null when the flow has no trigger node */
  trigger_kind: string | null
  enabled?: boolean
  schedule?: string | null
  next_run: string | null
  next_runs?: string[]
  poll_interval_secs?: number
  /** Why a cron trigger has no next run (empty or invalid schedule). */
  error?: string
}

/** POST /api/validate/cron */
export interface CronValidation {
  valid: boolean
  expression?: string
  error?: string
  next_runs: string[]
}

/** One reason a flow would fail on configuration (POST /api/flows/{id}/validate). */
export interface ValidationProblem {
  /** The node at fault; null for the flow as a whole. */
  node_id: string | null
  /** The config field at fault, when one is. */
  field: string | null
  message: string
  /**
   * Extension: `warning` for what does not make a run fail but keeps the flow from
   * starting on its own (no trigger, a bad schedule). Absent means an error.
   */
  severity?: 'warning'
}

export interface FlowValidation {
  /** True when no problem is an error: a run started now will not fail on configuration. */
  valid: boolean
  problems: ValidationProblem[]
}

/** Body of POST /api/flows/{id}/trigger for a normal run (all optional). */
export interface TriggerRequest {
  /** Start even while another run of the flow is going. */
  allow_overlap?: boolean
}

/** POST /api/flows/{id}/runs/{run_id}/cancel (extension) */
export interface CancelResponse {
  status: 'cancelled'
  run_id: string
}

/** 409 from a manual trigger while the flow is running. */
export interface RunConflict {
  error: string
  run_id: string
}

/** POST /api/flows/{id}/trigger */
export type TriggerResponse =
  | { status: 'triggered'; flow_id: string; run_id?: string }
  | { status: 'pr_review_started'; flow_id: string; repo: string; pr: number }

export interface SchedulerStatus {
  active_count: number
  total_flows: number
  flows: { flow_id: string; name: string; enabled: boolean; scheduler_active: boolean }[]
}

/** One `claude` process the app is running, for the status bar. */
export interface LiveProcess {
  pid: number
  /** A chat turn's warm process, or a run's executor. */
  role: 'chat' | 'run'
  flow_id: string
  node_id: string | null
  session_id: string | null
  run_id: string | null
  /** Resident memory of the process and everything it started; null where it cannot be read. */
  rss_bytes: number | null
}

/** GET /api/status (extension): what the status bar and the settings screen show. */
export interface AppStatus {
  version: string
  data_dir: string
  claude: {
    /** The command the app runs (SHOGGOTH_CLAUDE_BIN or `claude`). */
    command: string
    /** `claude --version`; null when it could not be run. */
    version: string | null
    /** Why it could not be run, with what to install. */
    error: string | null
  }
  processes: LiveProcess[]
  scheduler: { active_count: number; total_flows: number; next_run: { flow_id: string; at: string } | null }
}

/**
 * PUT /api/flows/{id} with `If-Match: <updated_at the client last saw>` (extension):
 * 412 with this body when the flow changed since, so a second writer is told.
 */
export interface FlowConflict {
  error: string
  flow: Flow
}

// ---- Tool permissions and transcripts (extensions, issue 9) ----

/**
 * How an executor's `claude` handles tools that need permission (executor
 * `config.permission_mode`). Absent: the original meaning — an empty
 * `permissions` list skips every prompt, a non-empty one is an allowlist.
 */
export type PermissionMode = 'ask' | 'allowed_tools' | 'accept_edits' | 'plan' | 'skip'

/** One pending `can_use_tool` question of a chat turn or a run's executor. */
export interface PermissionRequest {
  id: string
  flow_id: string
  node_id: string | null
  /** Set for chats (node or lead agent); null for runs. */
  session_id: string | null
  /** Set for runs; null for chats. */
  run_id: string | null
  tool_name: string
  input: Record<string, unknown>
  /** The CLI's own `permission_suggestions`, as it sent them. */
  suggestions: unknown[]
  /** The CLI's one-line description of the call, when it gave one. */
  description: string | null
  asked_at: string
}

export type PermissionBehavior = 'allow' | 'deny'
/** `once`: this call; `session`: the same tool/command for the rest of the session; `always`: remembered across restarts. */
export type PermissionScope = 'once' | 'session' | 'always'

/** Body of POST /api/permissions/{id}. */
export interface PermissionAnswer {
  behavior: PermissionBehavior
  /** Default `once`. */
  scope?: PermissionScope
  /** A deny's reason, which the model reads (default "Denied in Shoggoth"). */
  message?: string
  /** Allow with this tool input instead of the asked one. */
  updated_input?: Record<string, unknown>
}

export type PermissionOutcome = 'allowed' | 'denied' | 'timed_out' | 'cancelled'

/** How a request ended: answered, timed out (a run nobody answered) or cancelled (its turn/run ended). */
export interface PermissionSettled extends Pick<PermissionRequest, 'id' | 'flow_id' | 'node_id' | 'session_id' | 'run_id' | 'tool_name'> {
  outcome: PermissionOutcome
  scope: PermissionScope | null
  /** The deny message the model read, if any. */
  message: string | null
  settled_at: string
}

export interface PermissionListResponse { permissions: PermissionRequest[] }
/** POST /api/permissions/{id} → 200 */
export interface PermissionAnswerResponse { settled: PermissionSettled }

/** Event names a transcript entry can carry: the chat stream's (minus text_delta and status) plus `user`. */
export type TranscriptEventName =
  | 'user'
  | 'system'
  | 'text'
  | 'thinking'
  | 'tool_use'
  | 'tool_result'
  | 'result'
  | 'stderr'
  | 'error'
  | 'done'
  | 'permission_request'
  | 'permission_settled'

/** One stored transcript entry; `data` has the shape of the live SSE event of the same name (`user`: ChatUserData of contract/chat.ts). */
export interface TranscriptEntry {
  /** Position in the session's transcript (0 = first); pass as `before` to page back. */
  cursor: string
  /** Which message of the session (0-based) the entry belongs to. */
  turn: number
  at: string
  event: TranscriptEventName
  data: unknown
}

/** GET …/interact/sessions/{session_id}/transcript — oldest first within the page. */
export interface TranscriptPage {
  entries: TranscriptEntry[]
  /** Cursor for the next older page; null when this page reaches the start. */
  next_before: string | null
}
