// Images sent with a chat message: the limits the CLI and the API accept, and
// what a transcript keeps of them (type and size; the data goes to the CLI,
// which keeps it in its own session file).
import type { ChatImage, ChatImageMediaType, ChatImageNote } from '../contract/chat'

export const IMAGE_MEDIA_TYPES: readonly ChatImageMediaType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp']
export const MAX_IMAGES = 5
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Bytes the base64 text decodes to, or null when it is not base64. */
export function decodedSize(data: string): number | null {
  if (data.length % 4 !== 0 || !BASE64.test(data)) return null
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0
  return (data.length / 4) * 3 - padding
}

export function imageNotes(images: readonly ChatImage[]): ChatImageNote[] {
  return images.map((image) => ({ media_type: image.media_type, bytes: decodedSize(image.data) ?? 0 }))
}
