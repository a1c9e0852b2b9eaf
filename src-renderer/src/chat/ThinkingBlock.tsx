import { Brain } from 'lucide-react'

/** Claude's thinking before it answered: folded, one click to read. */
export function ThinkingBlock({ text, redacted }: { text: string; redacted: boolean }) {
  if (redacted || text === '') {
    return (
      <p className="thinking" data-testid="chat-thinking">
        <Brain size={12} aria-hidden="true" /> Thought (hidden by the API)
      </p>
    )
  }
  return (
    <details className="thinking" data-testid="chat-thinking">
      <summary>
        <Brain size={12} aria-hidden="true" /> Thinking · {wordCount(text)} words
      </summary>
      <p className="thinking__text">{text}</p>
    </details>
  )
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length
