import { CheckSquare, Square, SquareDot } from 'lucide-react'
import { field, readTodos, type Todo, type ToolInput } from './tool-input'

const LABEL = { completed: 'done', in_progress: 'in progress', pending: 'to do' } as const

function StatusIcon({ status }: { status: Todo['status'] }) {
  if (status === 'completed') return <CheckSquare size={14} aria-label={LABEL.completed} />
  if (status === 'in_progress') return <SquareDot size={14} aria-label={LABEL.in_progress} />
  return <Square size={14} aria-label={LABEL.pending} />
}

/** TodoWrite's list as the checklist Claude keeps. */
export function TodoList({ input }: { input: ToolInput }) {
  const todos = readTodos(input)
  return (
    <ul className="todos" data-testid="tool-todos">
      {todos.map((todo, index) => (
        <li key={index} className={`todos__item todos__item--${todo.status}`} data-status={todo.status}>
          <StatusIcon status={todo.status} />
          <span>{todo.content}</span>
        </li>
      ))}
    </ul>
  )
}

/** One task of a newer CLI's task list, as TaskCreate makes it or TaskUpdate changes it. */
export function TaskLine({ tool, input }: { tool: string; input: ToolInput }) {
  const raw = field(input, 'status')
  const status: Todo['status'] = raw === 'completed' || raw === 'in_progress' ? raw : 'pending'
  const subject = field(input, 'subject') ?? `Task ${field(input, 'taskId') ?? ''}`
  const description = field(input, 'description')
  return (
    <ul className="todos" data-testid="tool-task">
      <li className={`todos__item todos__item--${status}`} data-status={status}>
        <StatusIcon status={status} />
        <span>
          {tool === 'TaskUpdate' && raw === 'deleted' ? `${subject} (removed)` : subject}
          {description && <span className="todos__description"> — {description}</span>}
        </span>
      </li>
    </ul>
  )
}
