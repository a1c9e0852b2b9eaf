// Checks a notification request from the renderer before it reaches the OS:
// the IPC payload is untrusted input.
import type { NotifyMessage } from '../contract/bridge'

const MAX_TITLE = 200
const MAX_BODY = 2_000

export function parseNotifyRequest(value: unknown): NotifyMessage | null {
  if (typeof value !== 'object' || value === null) return null
  const { title, body, clickId } = value as Record<string, unknown>
  if (typeof title !== 'string' || title.trim() === '') return null
  if (body !== undefined && typeof body !== 'string') return null
  if (clickId !== undefined && !Number.isSafeInteger(clickId)) return null
  return {
    title: title.slice(0, MAX_TITLE),
    ...(body === undefined ? {} : { body: body.slice(0, MAX_BODY) }),
    ...(clickId === undefined ? {} : { clickId: clickId as number }),
  }
}
