// What a tool call asked for, read from its JSON input, and the one line that
// names it on its card. Pure, so every tool's summary is unit tested.

export type ToolInput = Record<string, unknown>

/** The input as an object; a non-JSON or non-object input becomes `{}` (the card then shows the raw text). */
export function parseToolInput(input: string): ToolInput | null {
  try {
    const value: unknown = JSON.parse(input)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ToolInput) : null
  } catch {
    return null
  }
}

export const field = (input: ToolInput | null, name: string): string | null => {
  const value = input?.[name]
  return typeof value === 'string' && value !== '' ? value : null
}

/** How a card shows a tool: which body it uses. */
export type ToolShape = 'bash' | 'edit' | 'write' | 'read' | 'search' | 'todos' | 'task' | 'other'

export function toolShape(tool: string, input: ToolInput | null): ToolShape {
  if (input === null) return 'other'
  switch (tool) {
    case 'Bash':
      return field(input, 'command') !== null ? 'bash' : 'other'
    case 'Edit':
    case 'MultiEdit':
      return field(input, 'file_path') !== null ? 'edit' : 'other'
    case 'Write':
      return field(input, 'file_path') !== null && typeof input.content === 'string' ? 'write' : 'other'
    case 'Read':
      return field(input, 'file_path') !== null ? 'read' : 'other'
    case 'Grep':
    case 'Glob':
      return field(input, 'pattern') !== null ? 'search' : 'other'
    case 'TodoWrite':
      return Array.isArray(input.todos) ? 'todos' : 'other'
    // The task list of newer CLIs, one task per call.
    case 'TaskCreate':
      return field(input, 'subject') !== null ? 'task' : 'other'
    case 'TaskUpdate':
      return field(input, 'taskId') !== null ? 'task' : 'other'
    default:
      return 'other'
  }
}

/** The card's one line: the command, the file, the pattern, or the first thing the input names. */
export function toolSummary(tool: string, input: ToolInput | null, raw: string): string {
  if (input === null) return raw
  const path = field(input, 'file_path') ?? field(input, 'notebook_path')
  switch (toolShape(tool, input)) {
    case 'bash':
      return field(input, 'command')!
    case 'edit':
    case 'write':
    case 'read':
      return path!
    case 'search': {
      const where = field(input, 'path')
      return where ? `${field(input, 'pattern')!} in ${where}` : field(input, 'pattern')!
    }
    case 'todos': {
      const todos = readTodos(input)
      return `${todos.filter((todo) => todo.status === 'completed').length} of ${todos.length} done`
    }
    case 'task': {
      const subject = field(input, 'subject')
      const status = field(input, 'status')
      if (tool === 'TaskCreate') return subject!
      return `task ${field(input, 'taskId')!}${status ? ` → ${status.replace('_', ' ')}` : ''}${subject ? `: ${subject}` : ''}`
    }
    case 'other': {
      const first = Object.values(input).find((value): value is string => typeof value === 'string' && value !== '')
      return first ?? (Object.keys(input).length === 0 ? '' : JSON.stringify(input))
    }
  }
}

export interface Todo {
  content: string
  status: 'pending' | 'in_progress' | 'completed'
}

/** TodoWrite's list; entries it cannot read are left out. */
export function readTodos(input: ToolInput): Todo[] {
  if (!Array.isArray(input.todos)) return []
  const todos: Todo[] = []
  for (const item of input.todos as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { content, status } = item as Record<string, unknown>
    if (typeof content !== 'string') continue
    todos.push({ content, status: status === 'completed' || status === 'in_progress' ? status : 'pending' })
  }
  return todos
}

/** First `limit` lines of a long output, and how many were left out. */
export function headLines(text: string, limit: number): { shown: string; hidden: number } {
  const lines = text.split('\n')
  if (lines.length <= limit) return { shown: text, hidden: 0 }
  return { shown: lines.slice(0, limit).join('\n'), hidden: lines.length - limit }
}
