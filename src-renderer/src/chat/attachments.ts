// Images pasted or dropped into the message box, checked against what the
// server takes before they are read.
import type { AttachedImage } from '../api/chat-message'

export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp']
export const MAX_IMAGES = 5
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

export interface PastedImage extends AttachedImage {
  id: number
  name: string
  /** A data: URL for the thumbnail. */
  preview: string
}

/** Why an image cannot be attached, or null when it can. */
export function imageRefusal(type: string, bytes: number, alreadyAttached: number): string | null {
  if (!IMAGE_TYPES.includes(type)) return `Only PNG, JPEG, GIF and WebP images can be sent (this one is ${type || 'of an unknown type'}).`
  if (bytes > MAX_IMAGE_BYTES) return `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB (this one is ${(bytes / 1024 / 1024).toFixed(1)} MB).`
  if (alreadyAttached >= MAX_IMAGES) return `At most ${MAX_IMAGES} images go with one message.`
  return null
}
