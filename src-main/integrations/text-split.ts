// Cuts long text into pieces under a service's length limit (Slack 3000 per
// section, Notion 2000 per rich-text segment), preferring line and word ends.

/** Pieces of at most `max` UTF-16 units whose concatenation is exactly `text`. */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new Error('splitText needs a limit of at least 2')
  const pieces: string[] = []
  let rest = text
  while (rest.length > max) {
    let cut = breakPoint(rest, max)
    // Never separate the two halves of a surrogate pair (an emoji, say).
    const last = rest.charCodeAt(cut - 1)
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1
    pieces.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  if (rest || pieces.length === 0) pieces.push(rest)
  return pieces
}

/** Where to cut: after the last newline, else the last space, in the back half of the window. */
function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max)
  for (const separator of ['\n', ' ']) {
    const index = window.lastIndexOf(separator)
    if (index >= max / 2) return index + 1
  }
  return max
}

/** At most `max` UTF-16 units (what the APIs count), ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let kept = ''
  for (const char of text) {
    if (kept.length + char.length > max - 1) break
    kept += char
  }
  return `${kept}…`
}
