// The change an Edit, MultiEdit or Write call makes, as diff lines with counts,
// computed with jsdiff from what the call replaces and what it puts instead.
import { diffLines } from 'diff'
import type { ToolInput } from './tool-input'

export interface DiffLine {
  /** `gap`: between the separate places a MultiEdit changes. */
  kind: 'added' | 'removed' | 'same' | 'gap'
  text: string
}

export interface FileChange {
  lines: DiffLine[]
  added: number
  removed: number
}

/** The replacements a call makes: one for Edit, several for MultiEdit, the whole file for Write. */
function replacements(tool: string, input: ToolInput): { before: string; after: string }[] {
  if (tool === 'Write') return [{ before: '', after: typeof input.content === 'string' ? input.content : '' }]
  const one = (edit: Record<string, unknown>) => ({
    before: typeof edit.old_string === 'string' ? edit.old_string : '',
    after: typeof edit.new_string === 'string' ? edit.new_string : '',
  })
  if (tool === 'MultiEdit' && Array.isArray(input.edits)) {
    return (input.edits as unknown[]).filter((edit): edit is Record<string, unknown> => typeof edit === 'object' && edit !== null).map(one)
  }
  return [one(input)]
}

export function fileChange(tool: string, input: ToolInput): FileChange {
  const lines: DiffLine[] = []
  for (const [index, { before, after }] of replacements(tool, input).entries()) {
    if (index > 0) lines.push({ kind: 'gap', text: '…' })
    for (const part of diffLines(before, after)) {
      const kind = part.added ? 'added' : part.removed ? 'removed' : 'same'
      const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value
      for (const line of text.split('\n')) lines.push({ kind, text: line })
    }
  }
  return {
    lines,
    added: lines.filter((line) => line.kind === 'added').length,
    removed: lines.filter((line) => line.kind === 'removed').length,
  }
}
