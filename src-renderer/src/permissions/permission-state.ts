// The approvals' data and its pure updaters: what is pending, how each settled, what is being answered.
import type { PermissionRequest, PermissionSettled } from '../../../src-main/contract/api'

export interface PermissionData {
  /** Pending questions by id. */
  pending: Record<string, PermissionRequest>
  /** Settled questions by id (those this window saw settle). */
  settled: Record<string, PermissionSettled>
  /** Ids with an answer in flight. */
  answering: Record<string, true>
  /** A failed answer's message by id. */
  errors: Record<string, string>
}

export const EMPTY_PERMISSIONS: PermissionData = { pending: {}, settled: {}, answering: {}, errors: {} }

/** A new (or re-sent) question; one that has settled already stays settled. */
export function addRequest(data: PermissionData, request: PermissionRequest): PermissionData {
  if (data.settled[request.id] || data.pending[request.id]) return data
  return { ...data, pending: { ...data.pending, [request.id]: request } }
}

export function settle(data: PermissionData, settled: PermissionSettled): PermissionData {
  const pending = { ...data.pending }
  delete pending[settled.id]
  const answering = { ...data.answering }
  delete answering[settled.id]
  return { ...data, pending, answering, settled: { ...data.settled, [settled.id]: settled } }
}

export function markAnswering(data: PermissionData, id: string): PermissionData {
  const errors = { ...data.errors }
  delete errors[id]
  return { ...data, errors, answering: { ...data.answering, [id]: true } }
}

export function answerFailed(data: PermissionData, id: string, message: string): PermissionData {
  const answering = { ...data.answering }
  delete answering[id]
  return { ...data, answering, errors: { ...data.errors, [id]: message } }
}

/**
 * After a reconnect: a question we held before it (`before`) that the server no
 * longer lists was settled while we were away. Ones that arrived since stay.
 */
export function dropMissing(data: PermissionData, before: ReadonlySet<string>, stillPending: ReadonlySet<string>): PermissionData {
  const pending: Record<string, PermissionRequest> = {}
  for (const [id, request] of Object.entries(data.pending)) if (!before.has(id) || stillPending.has(id)) pending[id] = request
  return { ...data, pending }
}

/** Pending questions, oldest first. */
export function pendingList(pending: Record<string, PermissionRequest>): PermissionRequest[] {
  return Object.values(pending).sort((a, b) => a.asked_at.localeCompare(b.asked_at))
}
