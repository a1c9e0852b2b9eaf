// A sink text may carry a thread: everything after the first line that reads
// `---THREAD---` is posted as a reply to the main message.

export const THREAD_MARKER = '---THREAD---'

export interface ThreadedText {
  main: string
  /** Null when there is no marker or nothing after it. */
  reply: string | null
}

export function splitThread(text: string): ThreadedText {
  const lines = text.split(/\r?\n/)
  const at = lines.findIndex((line) => line.trim() === THREAD_MARKER)
  if (at < 0) return { main: text.trim(), reply: null }
  const reply = lines.slice(at + 1).join('\n').trim()
  return { main: lines.slice(0, at).join('\n').trim(), reply: reply || null }
}
