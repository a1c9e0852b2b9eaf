// Stored run records (contract §3.5, §9.6).
import { z } from 'zod'
import type { FlowRun, NodeRun } from '../contract/api'

const status = z.enum(['running', 'success', 'failed'])

const nodeRun = z
  .object({ node_id: z.string(), status, started_at: z.string(), finished_at: z.string().nullish(), output_preview: z.string().nullish() })
  .transform((r): NodeRun => ({ node_id: r.node_id, status: r.status, started_at: r.started_at, finished_at: r.finished_at ?? null, output_preview: r.output_preview ?? null }))

export const storedRunSchema = z
  .object({
    id: z.string(),
    flow_id: z.string(),
    status,
    started_at: z.string(),
    finished_at: z.string().nullish(),
    node_runs: z.array(nodeRun),
    error: z.string().nullish(),
  })
  .transform(
    (r): FlowRun => ({ id: r.id, flow_id: r.flow_id, status: r.status, started_at: r.started_at, finished_at: r.finished_at ?? null, node_runs: r.node_runs, error: r.error ?? null }),
  )
