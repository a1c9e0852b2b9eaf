import { useMemo, useState } from 'react'
import { CircleAlert, CircleCheck, FilePen, FileText, ListTodo, LoaderCircle, Search, ShieldQuestion, SquareTerminal, Wrench } from 'lucide-react'
import type { ToolEntry } from '../transcript'
import { parseToolInput, toolShape, toolSummary, type ToolShape } from './tool-input'
import { ToolBody } from './ToolBody'
import './tools.css'

const ICONS: Record<ToolShape, typeof Wrench> = {
  bash: SquareTerminal,
  edit: FilePen,
  write: FilePen,
  read: FileText,
  search: Search,
  todos: ListTodo,
  task: ListTodo,
  other: Wrench,
}

const STATE_LABEL = { running: 'running', asking: 'waiting for your approval', failed: 'failed', done: 'done' } as const

const OPEN_AT_FIRST = new Set<ToolShape>(['bash', 'edit', 'write', 'todos', 'task'])

// Cards unmount when scrolled out of the virtual list; what the user opened or closed stays so.
const toggled = new Map<number, boolean>()

/** A tool call and its result as one card that opens to show what it did. */
export function ToolCard({ entry }: { entry: ToolEntry }) {
  const input = useMemo(() => parseToolInput(entry.input), [entry.input])
  const shape = toolShape(entry.tool, input)
  const state = entry.result !== null ? (entry.result.isError ? 'failed' : 'done') : entry.asking ? 'asking' : 'running'
  // Commands, changes and checklists are what the user wants to see; reads, searches and the rest open on request.
  const [open, setOpen] = useState(() => toggled.get(entry.id) ?? OPEN_AT_FIRST.has(shape))
  const Icon = ICONS[shape]
  return (
    <details
      className={`tool-card tool-card--${state}`}
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open
        toggled.set(entry.id, next)
        setOpen(next)
      }}
      data-testid="chat-tool"
      data-tool={entry.tool}
      data-state={state}
    >
      <summary className="tool-card__head">
        <Icon size={14} aria-hidden="true" className="tool-card__icon" />
        <span className="tool-card__name">{entry.tool}</span>
        <code className="tool-card__summary" data-testid="chat-tool-summary">
          {toolSummary(entry.tool, input, entry.input)}
        </code>
        <span className="tool-card__state" data-testid="chat-tool-state">
          {state === 'running' ? (
            <LoaderCircle size={13} aria-hidden="true" className="spin" />
          ) : state === 'asking' ? (
            <ShieldQuestion size={13} aria-hidden="true" />
          ) : state === 'failed' ? (
            <CircleAlert size={13} aria-hidden="true" />
          ) : (
            <CircleCheck size={13} aria-hidden="true" />
          )}
          {STATE_LABEL[state]}
        </span>
      </summary>
      {open && <ToolBody entry={entry} input={input} shape={shape} />}
    </details>
  )
}
