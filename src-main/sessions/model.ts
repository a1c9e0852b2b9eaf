// Interact sessions as kept in sessions.yaml (contract §3.9, §7). `busy` and
// the live pid are never stored: they live in memory next to these records.
import { z } from 'zod'
import { offsetTimestamp } from '../time'

export interface InteractSession {
  session_id: string
  summary: string
  node_id?: string
  working_dir: string
  message_count: number
  total_cost: number
  created_at: string
  skills_dir?: string
  /** Tool rules allowed "for this session" (CLI syntax): kept so a resumed process is not asked again. */
  session_rules?: string[]
}

export interface FlowSessions {
  flow_name: string
  active_session: string
  sessions: InteractSession[]
}

/** Key of a flow's lead-agent sessions, or of one node's chat sessions. */
export function sessionKey(flowId: string, nodeId?: string): string {
  return nodeId === undefined ? flowId : `${flowId}::${nodeId}`
}

const count = z.number().nonnegative()

const storedSession = z
  .object({
    session_id: z.string(),
    summary: z.string().nullish(),
    node_id: z.string().nullish(),
    working_dir: z.string(),
    message_count: count,
    total_cost: z.number(),
    created_at: z.string(),
    skills_dir: z.string().nullish(),
    session_rules: z.array(z.string()).nullish(),
  })
  .transform(
    (s): InteractSession => ({
      session_id: s.session_id,
      summary: s.summary ?? '',
      ...(s.node_id != null ? { node_id: s.node_id } : {}),
      working_dir: s.working_dir,
      message_count: s.message_count,
      total_cost: s.total_cost,
      created_at: s.created_at,
      ...(s.skills_dir != null ? { skills_dir: s.skills_dir } : {}),
      ...(s.session_rules != null && s.session_rules.length > 0 ? { session_rules: s.session_rules } : {}),
    }),
  )

const currentFile = z.object({
  sessions: z.record(z.string(), z.object({ flow_name: z.string(), active_session: z.string(), sessions: z.array(storedSession) })),
})

// The original's first format: one session per flow, no history.
const legacyFile = z.object({
  sessions: z.record(
    z.string(),
    z.object({ session_id: z.string(), flow_name: z.string().nullish(), working_dir: z.string().nullish(), message_count: count, total_cost: z.number() }),
  ),
})

export type ParsedSessions = { format: 'current' | 'legacy'; entries: Map<string, FlowSessions> }

/** Reads the document of sessions.yaml (already YAML-parsed). Throws if neither format fits. */
export function parseSessionsDocument(document: unknown, now: Date = new Date()): ParsedSessions {
  const current = currentFile.safeParse(document ?? { sessions: {} })
  if (current.success) return { format: 'current', entries: new Map(Object.entries(current.data.sessions)) }
  const legacy = legacyFile.safeParse(document)
  if (!legacy.success) throw new Error('sessions.yaml matches neither the current nor the legacy format')
  const entries = new Map<string, FlowSessions>()
  for (const [key, old] of Object.entries(legacy.data.sessions)) {
    entries.set(key, {
      flow_name: old.flow_name || 'Unknown',
      active_session: old.session_id,
      sessions: [
        {
          session_id: old.session_id,
          summary: '',
          working_dir: old.working_dir || '.',
          message_count: old.message_count,
          total_cost: old.total_cost,
          created_at: offsetTimestamp(now),
        },
      ],
    })
  }
  return { format: 'legacy', entries }
}

const SUMMARY_LIMIT = 80

/** The first-prompt summary (§6.9): up to 80 characters, cut at a space, with "...". */
export function summarizePrompt(prompt: string): string {
  const text = prompt.trim()
  const chars = [...text]
  if (chars.length <= SUMMARY_LIMIT) return text
  const head = chars.slice(0, SUMMARY_LIMIT).join('')
  const space = head.lastIndexOf(' ')
  return `${space > 0 ? head.slice(0, space) : head}...`
}
