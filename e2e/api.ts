import type { CreatedResponse, Flow, FlowListResponse, FlowSummary, SessionListing } from '../src-main/contract/api'

/** Talks to the server directly, to check what the UI did really reached it. */
export interface TestApi {
  listFlows(): Promise<FlowSummary[]>
  createFlow(name: string, description?: string): Promise<string>
  /** Returns the HTTP status and the body, so tests can assert on 404s too. */
  getFlow(id: string): Promise<{ status: number; body: Flow | { error: string } }>
  /** GET …/nodes/{node}/interact/sessions */
  listSessions(flowId: string, nodeId: string): Promise<SessionListing>
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
    async getFlow(id) {
      const response = await call('GET', `/api/flows/${encodeURIComponent(id)}`)
      return { status: response.status, body: (await response.json()) as Flow | { error: string } }
    },
    async listSessions(flowId, nodeId) {
      const path = `/api/flows/${encodeURIComponent(flowId)}/nodes/${encodeURIComponent(nodeId)}/interact/sessions`
      return expectOk<SessionListing>(await call('GET', path))
    },
  }
}
