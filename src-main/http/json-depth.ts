// How deep a JSON text nests, found by one pass over its characters without
// parsing it. Bodies nesting thousands of levels deep overflow the stack of
// every recursive step after parsing (validation, serialising, saving), so they
// are refused before any of those runs.

/** Far beyond any real flow or prompt, far below any stack limit. */
export const MAX_JSON_DEPTH = 200

/** true when `text` opens more than `limit` arrays/objects inside each other. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 0x5c) i++ // backslash: the next character is escaped
      else if (code === 0x22) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true
    } else if (code === 0x5d || code === 0x7d) depth--
  }
  return false
}

/** Whether a body is (meant as) JSON: a JSON content type, or text starting like an array or object. */
export function looksLikeJson(text: string, contentType: string | undefined): boolean {
  if (contentType !== undefined && /^\s*application\/([\w.+-]*\+)?json\b/i.test(contentType)) return true
  const first = /\S/.exec(text)?.[0]
  return first === '{' || first === '['
}
