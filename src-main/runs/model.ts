// Stored run records (contract §3.5, §9.6). Records written by the original
// lack the extension fields (`trigger`, `cost_usd`, `output`) and still load.
import { z } from 'zod'
import type { FlowRun, NodeRun } from '../contract/api'

const nodeStatus = z.enum(['running', 'success', 'failed'])
const runStatus = z.enum(['running', 'success', 'failed', 'cancelled'])
const trigger = z.enum(['manual', 'cron', 'webhook', 'github-pr'])

const nodeRun = z
  .object({
    node_id: z.string(),
    status: nodeStatus,
    started_at: z.string(),
    finished_at: z.string().nullish(),
    output_preview: z.string().nullish(),
    output: z.string().nullish(),
  })
  .transform(
    (r): NodeRun => ({
      node_id: r.node_id,
      status: r.status,
      started_at: r.started_at,
      finished_at: r.finished_at ?? null,
      output_preview: r.output_preview ?? null,
      ...(typeof r.output === 'string' ? { output: r.output } : {}),
    }),
  )

export const storedRunSchema = z
  .object({
    id: z.string(),
    flow_id: z.string(),
    status: runStatus,
    started_at: z.string(),
    finished_at: z.string().nullish(),
    node_runs: z.array(nodeRun),
    error: z.string().nullish(),
    // An unknown trigger name (a newer app's) is dropped rather than losing the run.
    trigger: trigger.nullish().catch(undefined),
    cost_usd: z.number().nullish().catch(undefined),
  })
  .transform(
    (r): FlowRun => ({
      id: r.id,
      flow_id: r.flow_id,
      status: r.status,
      started_at: r.started_at,
      finished_at: r.finished_at ?? null,
      node_runs: r.node_runs,
      error: r.error ?? null,
      ...(r.trigger ? { trigger: r.trigger } : {}),
      ...(typeof r.cost_usd === 'number' ? { cost_usd: r.cost_usd } : {}),
    }),
  )
