// A run executor's output as it happens: stdout lines of `claude` (stream-json
// with partial messages) become live pieces — text, tool calls, tool results —
// and the whole is kept, bounded, for the node run's `output` field.
import { mapStdoutLine } from '../agent/stream-json'
import { cutBytes } from './prompt'

export type OutputKind = 'executor_text' | 'executor_tool_use' | 'executor_tool_result'

export interface OutputPiece {
  kind: OutputKind
  message: string
}

export const OUTPUT_LIMIT_BYTES = 1024 * 1024
export const OUTPUT_CUT_NOTE = '\n[output cut at 1 MiB]'

/** How a piece reads in the stored `output`: text as it is, tools on lines of their own. */
export function outputText(piece: OutputPiece): string {
  if (piece.kind === 'executor_text') return piece.message
  return `\n[${piece.kind === 'executor_tool_use' ? 'tool_use' : 'tool_result'}] ${piece.message}\n`
}

/** The stored output: pieces appended until 1 MiB, then a note saying it was cut. */
export class OutputLog {
  private parts: string[] = []
  private bytes = 0
  private cut = false

  add(piece: OutputPiece): void {
    if (this.cut) return
    const text = outputText(piece)
    const size = Buffer.byteLength(text)
    if (this.bytes + size <= OUTPUT_LIMIT_BYTES) {
      this.parts.push(text)
      this.bytes += size
      return
    }
    this.parts.push(cutBytes(text, OUTPUT_LIMIT_BYTES - this.bytes), OUTPUT_CUT_NOTE)
    this.cut = true
  }

  get value(): string {
    return this.parts.join('')
  }
}

const TEXT_FLUSH_MS = 100
const TEXT_FLUSH_BYTES = 16 * 1024

/**
 * Turns stdout lines into pieces. Token deltas are gathered and sent at most
 * every 100 ms (a long answer must not flood the live stream); an assistant
 * line's text is only used when no deltas came for it (a CLI without partial
 * messages), so nothing is said twice.
 */
export class OutputReader {
  private pending = ''
  private timer: NodeJS.Timeout | null = null
  private sawDelta = false

  constructor(private readonly onPiece: (piece: OutputPiece) => void) {}

  line(raw: string): void {
    const mapped = mapStdoutLine(raw, 'flow')
    let assistantLine = false
    try {
      assistantLine = (JSON.parse(raw) as { type?: unknown }).type === 'assistant'
    } catch {
      assistantLine = false
    }
    for (const event of mapped.events) {
      if (event.event === 'text_delta') {
        this.sawDelta = true
        this.text(event.data.text)
      } else if (event.event === 'text' && assistantLine) {
        if (!this.sawDelta) this.text(event.data.text)
      } else if (event.event === 'tool_use') {
        this.flush()
        this.onPiece({ kind: 'executor_tool_use', message: JSON.stringify({ tool: event.data.tool, input: parseMaybe(event.data.input), ...(event.data.id ? { id: event.data.id } : {}) }) })
      } else if (event.event === 'tool_result') {
        this.flush()
        this.onPiece({ kind: 'executor_tool_result', message: event.data.content })
      }
    }
    if (assistantLine) this.sawDelta = false
  }

  /** Sends the text gathered so far (at the end, and before any tool piece). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.pending === '') return
    const message = this.pending
    this.pending = ''
    this.onPiece({ kind: 'executor_text', message })
  }

  private text(text: string): void {
    if (text === '') return
    this.pending += text
    if (this.pending.length >= TEXT_FLUSH_BYTES) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), TEXT_FLUSH_MS)
  }
}

function parseMaybe(input: string): unknown {
  try {
    return JSON.parse(input)
  } catch {
    return input
  }
}
