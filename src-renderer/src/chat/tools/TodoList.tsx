import { CheckSquare, Square, SquareDot } from 'lucide-react'
import { readTodos, type ToolInput } from './tool-input'

const LABEL = { completed: 'done', in_progress: 'in progress', pending: 'to do' } as const

/** TodoWrite's list as the checklist Claude keeps. */
export function TodoList({ input }: { input: ToolInput }) {
  const todos = readTodos(input)
  return (
    <ul className="todos" data-testid="tool-todos">
      {todos.map((todo, index) => (
        <li key={index} className={`todos__item todos__item--${todo.status}`} data-status={todo.status}>
          {todo.status === 'completed' ? (
            <CheckSquare size={14} aria-label={LABEL.completed} />
          ) : todo.status === 'in_progress' ? (
            <SquareDot size={14} aria-label={LABEL.in_progress} />
          ) : (
            <Square size={14} aria-label={LABEL.pending} />
          )}
          <span>{todo.content}</span>
        </li>
      ))}
    </ul>
  )
}
