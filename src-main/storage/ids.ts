// Ids name files in the data dir, so anything that could step outside its
// folder is refused before any filesystem use (§13.1, §15.3).
export const MAX_ID_LENGTH = 200

export function isSafeId(id: string): boolean {
  return (
    id.length > 0 &&
    id.length <= MAX_ID_LENGTH &&
    !id.includes('/') &&
    !id.includes('\\') &&
    !id.includes('..') &&
    !id.includes('\0')
  )
}
