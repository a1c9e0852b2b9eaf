import type {
  CreatedResponse,
  Flow,
  FlowListResponse,
  FlowRun,
  FlowSummary,
  NewFlow,
  RunListResponse,
  SessionListing,
} from '../src-main/contract/api'

/** Talks to the server directly, to check what the UI did really reached it. */
export interface TestApi {
  listFlows(): Promise<FlowSummary[]>
  createFlow(name: string, description?: string): Promise<string>
  /** POST /api/flows with nodes (and anything else a NewFlow may carry). */
  createFlowWith(input: NewFlow): Promise<string>
  /** Returns the HTTP status and the body, so tests can assert on 404s too. */
  getFlow(id: string): Promise<{ status: number; body: Flow | { error: string } }>
  /** GET …/nodes/{node}/interact/sessions */
  listSessions(flowId: string, nodeId: string): Promise<SessionListing>
  /** POST …/trigger: starts a run in the background. */
  triggerRun(flowId: string): Promise<void>
  /** GET …/runs, newest first. */
  listRuns(flowId: string): Promise<FlowRun[]>
  /** POST /api/validate/cron */
  validateCron(expression: string): Promise<{ valid: boolean; error?: string; next_runs: string[] }>
}

export function testApi(baseUrl: string, token: string): TestApi {
  const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(new URL(path, baseUrl), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  const expectOk = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }

  return {
    async listFlows() {
      return (await expectOk<FlowListResponse>(await call('GET', '/api/flows'))).flows
    },
    async createFlow(name, description) {
      const body = description === undefined ? { name } : { name, description }
      return (await expectOk<CreatedResponse>(await call('POST', '/api/flows', body))).id
    },
    async createFlowWith(input) {
      return (await expectOk<CreatedResponse>(await call('POST', '/api/flows', input))).id
    },
    async getFlow(id) {
      const response = await call('GET', `/api/flows/${encodeURIComponent(id)}`)
      return { status: response.status, body: (await response.json()) as Flow | { error: string } }
    },
    async listSessions(flowId, nodeId) {
      const path = `/api/flows/${encodeURIComponent(flowId)}/nodes/${encodeURIComponent(nodeId)}/interact/sessions`
      return expectOk<SessionListing>(await call('GET', path))
    },
    async triggerRun(flowId) {
      await expectOk<unknown>(await call('POST', `/api/flows/${encodeURIComponent(flowId)}/trigger`))
    },
    async listRuns(flowId) {
      return (await expectOk<RunListResponse>(await call('GET', `/api/flows/${encodeURIComponent(flowId)}/runs`))).runs
    },
    async validateCron(expression) {
      return expectOk(await call('POST', '/api/validate/cron', { expression }))
    },
  }
}
