// Up/down recall of the messages sent in a session, as in a shell.
import type { ChatEntry } from './transcript'

/** Where the message box is in the history: `index` into the sent messages, null when not recalling. */
export interface Recall {
  index: number | null
  draft: string
}

/** The user's messages of a session, oldest first, repeats in a row kept once. */
export function sentMessages(entries: readonly ChatEntry[]): string[] {
  const sent: string[] = []
  for (const entry of entries) {
    if (entry.kind === 'user' && entry.text !== '' && entry.text !== sent.at(-1)) sent.push(entry.text)
  }
  return sent
}

/**
 * The box after ArrowUp (-1) or ArrowDown (+1), or null to leave the key to the
 * textarea. Only an empty box or one still holding the recalled message steps,
 * so nothing typed is ever replaced. Down past the newest empties the box.
 */
export function recallStep(sent: readonly string[], current: Recall, direction: -1 | 1): Recall | null {
  const { index, draft } = current
  const untouched = index === null ? draft === '' : draft === sent[index]
  if (!untouched) return null
  if (direction === -1) {
    const previous = index === null ? sent.length - 1 : index - 1
    const text = sent[previous]
    return text === undefined ? null : { index: previous, draft: text }
  }
  if (index === null) return null
  const next = sent[index + 1]
  return next === undefined ? { index: null, draft: '' } : { index: index + 1, draft: next }
}
