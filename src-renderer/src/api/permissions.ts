import type { ApiClient } from './client'
import type {
  PermissionAnswer,
  PermissionAnswerResponse,
  PermissionListResponse,
  PermissionRequest,
  PermissionSettled,
} from '../../../src-main/contract/api'

export function listPermissions(client: ApiClient): Promise<PermissionListResponse> {
  return client.request<PermissionListResponse>('GET', '/api/permissions')
}

export async function answerPermission(client: ApiClient, id: string, answer: PermissionAnswer): Promise<PermissionSettled> {
  const body = await client.request<PermissionAnswerResponse>('POST', `/api/permissions/${encodeURIComponent(id)}`, answer)
  return body.settled
}

export type PermissionEvent =
  | { type: 'permission_request'; request: PermissionRequest }
  | { type: 'permission_settled'; settled: PermissionSettled }

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A permission event from either stream (the permissions stream or a chat turn's); null when it is not one. */
export function decodePermissionEvent(event: string, data: unknown): PermissionEvent | null {
  if (!isObject(data) || typeof data.id !== 'string' || typeof data.tool_name !== 'string') return null
  if (event === 'permission_request') {
    const request: PermissionRequest = {
      id: data.id,
      flow_id: str(data.flow_id),
      node_id: strOrNull(data.node_id),
      session_id: strOrNull(data.session_id),
      run_id: strOrNull(data.run_id),
      tool_name: data.tool_name,
      input: isObject(data.input) ? data.input : {},
      suggestions: Array.isArray(data.suggestions) ? data.suggestions : [],
      description: strOrNull(data.description),
      asked_at: str(data.asked_at),
    }
    return { type: 'permission_request', request }
  }
  if (event === 'permission_settled') {
    const outcome = data.outcome
    const scope = data.scope
    const settled: PermissionSettled = {
      id: data.id,
      flow_id: str(data.flow_id),
      node_id: strOrNull(data.node_id),
      session_id: strOrNull(data.session_id),
      run_id: strOrNull(data.run_id),
      tool_name: data.tool_name,
      outcome: outcome === 'allowed' || outcome === 'denied' || outcome === 'timed_out' ? outcome : 'cancelled',
      scope: scope === 'once' || scope === 'session' || scope === 'always' ? scope : null,
      message: strOrNull(data.message),
      settled_at: str(data.settled_at),
    }
    return { type: 'permission_settled', settled }
  }
  return null
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)
