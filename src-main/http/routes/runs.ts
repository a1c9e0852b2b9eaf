// Runs (§4.4, §4.5, §5.3 + §15.5): manual trigger (normal or PR review, one
// run at a time unless overlap is asked for), the run history, the live run
// stream with replay, cancelling a run, checking a flow, and webhook triggers.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { CancelResponse, Flow, RunConflict } from '../../contract/api'
import type { FlowStore } from '../../flows/flow-store'
import type { Logger } from '../../log'
import type { RunEventBus, NumberedEvent } from '../../runs/run-events'
import { RunConflictError, type FlowRunner } from '../../runs/runner'
import type { RunStore } from '../../runs/run-store'
import { describeIssues, optional } from '../../schema'
import { HttpError, notFound } from '../errors'
import { safeId } from '../request'
import type { SseStreams } from '../sse'

interface FlowParams {
  Params: { id: string }
}

interface RunParams {
  Params: { id: string; run_id: string }
}

export interface PrReviewStarter {
  (flowId: string, repo: string, pr: number): Promise<void>
}

/** `{repo, pr}` in a trigger body asks for a PR review; anything else is a normal run. */
export function prReviewRequest(body: unknown): { repo: string; pr: number } | null {
  if (typeof body !== 'string' || body.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const { repo, pr } = parsed as Record<string, unknown>
  return typeof repo === 'string' && typeof pr === 'number' && Number.isInteger(pr) && pr >= 0 ? { repo, pr } : null
}

const triggerOptions = z.object({ allow_overlap: optional(z.boolean()) })

/**
 * `{"allow_overlap": true}` lets a manual run start while another is going.
 * Bodies that are not a JSON object still mean a plain run (§4.4); a JSON
 * object with a mistyped `allow_overlap` is a 422 naming it.
 */
export function allowsOverlap(body: unknown): boolean {
  if (typeof body !== 'string' || body.trim() === '') return false
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return false
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false
  const result = triggerOptions.safeParse(parsed, { reportInput: true })
  if (!result.success) throw new HttpError(422, `invalid request body: ${describeIssues(result.error)}`)
  return result.data.allow_overlap === true
}

const WEBHOOK_PAYLOAD_LIMIT = 100_000

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '')

/** The path of a flow's webhook trigger (its first trigger), without outer slashes. */
function webhookPath(flow: Flow): string | null {
  const trigger = flow.nodes.find((node) => node.node_type === 'trigger')
  const path = (trigger?.config as Record<string, unknown> | null | undefined)?.path
  return trigger?.kind === 'webhook' && typeof path === 'string' ? trimSlashes(path) : null
}

export interface RunRouteDeps {
  flows: FlowStore
  runs: RunStore
  runner: FlowRunner
  bus: RunEventBus
  streams: SseStreams
  startPrReview: PrReviewStarter
  log: Logger
}

export function runRoutes(api: FastifyInstance, deps: RunRouteDeps): void {
  const { flows, runs, runner, bus, streams, log } = deps

  api.post<FlowParams>('/api/flows/:id/trigger', async (request, reply) => {
    const flow = flows.get(safeId(request.params.id))
    if (!flow) throw notFound('flow not found')
    const review = prReviewRequest(request.body)
    if (review) {
      // Failures (no token, no github-pr trigger, GitHub errors) are logged by the reviewer.
      void deps.startPrReview(flow.id, review.repo, review.pr).catch((error: unknown) => log.warn(`PR review of ${review.repo}#${review.pr} for flow "${flow.name}" failed: ${(error as Error).message}`))
      return reply.code(202).send({ status: 'pr_review_started', flow_id: flow.id, repo: review.repo, pr: review.pr })
    }
    // A manual run works whether or not the flow is enabled.
    try {
      const { run } = await runner.start(flow, { trigger: 'manual', refuseOverlap: !allowsOverlap(request.body) })
      return reply.code(202).send({ status: 'triggered', flow_id: flow.id, run_id: run.id })
    } catch (error) {
      if (!(error instanceof RunConflictError)) throw error
      const conflict: RunConflict = { error: error.message, run_id: error.runId }
      return reply.code(409).send(conflict)
    }
  })

  api.post<RunParams>('/api/flows/:id/runs/:run_id/cancel', async (request) => {
    const flow = flows.get(safeId(request.params.id))
    if (!flow) throw notFound('flow not found')
    const runId = safeId(request.params.run_id)
    const cancelled = await runner.cancel(flow.id, runId)
    if (cancelled.outcome === 'not-found') throw notFound('run not found')
    if (cancelled.outcome === 'finished') throw new HttpError(409, `run ${runId} has already finished (${cancelled.run.status}); only a running run can be cancelled`)
    const body: CancelResponse = { status: 'cancelled', run_id: runId }
    return body
  })

  api.post<FlowParams>('/api/flows/:id/validate', async (request) => {
    const flow = flows.get(safeId(request.params.id))
    if (!flow) throw notFound('flow not found')
    return runner.validate(flow)
  })

  api.get<FlowParams>('/api/flows/:id/runs', async (request) => ({ runs: runs.list(safeId(request.params.id)) }))

  api.get<FlowParams & { Querystring: { last_event_id?: string } }>('/api/flows/:id/runs/live', { config: { tokenInQuery: true } }, async (request, reply) => {
    const flowId = safeId(request.params.id)
    const header = request.headers['last-event-id'] ?? request.query.last_event_id
    const stream = streams.start(reply)
    const send = ({ id, event }: NumberedEvent) => stream.send({ event: event.event_type, data: JSON.stringify(event), id })
    const { replayed, unsubscribe } = bus.subscribe(flowId, send, typeof header === 'string' && header !== '' ? header : undefined)
    if (replayed === 'reset') stream.send({ event: 'reset', data: JSON.stringify({ runs: runs.list(flowId) }), id: bus.currentId() })
    else stream.sendAll(replayed.map(({ id, event }) => ({ event: event.event_type, data: JSON.stringify(event), id })))
    stream.onClose(unsubscribe)
  })

  // An addition: a webhook trigger's path receives POSTs (the token is still required).
  api.post('/api/webhooks/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const path = trimSlashes(request.params['*'])
    const matching = flows.all().filter((flow) => webhookPath(flow) === path)
    if (matching.length === 0) throw notFound(`no flow has a webhook trigger with path '${path}'`)
    const payload = typeof request.body === 'string' ? request.body.slice(0, WEBHOOK_PAYLOAD_LIMIT) : ''
    const started = []
    for (const flow of matching.filter((f) => f.enabled)) {
      const { run } = await runner.start(flow, { trigger: 'webhook', variables: { webhook_payload: payload } })
      started.push({ flow_id: flow.id, run_id: run.id })
    }
    return reply.code(202).send({ status: 'triggered', runs: started })
  })
}
