import type { ToolEntry } from '../transcript'
import { DiffView } from './DiffView'
import { TaskLine, TodoList } from './TodoList'
import { ToolOutput } from './ToolOutput'
import { field, type ToolInput, type ToolShape } from './tool-input'

interface ToolBodyProps {
  entry: ToolEntry
  input: ToolInput | null
  shape: ToolShape
}

/** Inside an open tool card: what was asked, in the tool's own terms, then what came back. */
export function ToolBody({ entry, input, shape }: ToolBodyProps) {
  const result = entry.result
  const waiting = entry.asking ? 'Waiting for your approval below…' : 'Waiting for the result…'
  const output = result === null ? <p className="tool-card__waiting">{waiting}</p> : <ToolOutput text={result.content} error={result.isError} />
  switch (shape) {
    case 'bash':
      return (
        <div className="tool-card__body">
          <ToolOutput text={`$ ${field(input, 'command')!}`} label="Copy command" testId="tool-command" />
          {output}
          {result !== null && (
            <p className={`tool-card__exit${result.isError ? ' tool-card__exit--failed' : ''}`} data-testid="tool-exit">
              {result.isError ? 'Failed (non-zero exit status or refused)' : 'Exit status 0'}
            </p>
          )}
        </div>
      )
    case 'edit':
    case 'write':
      return (
        <div className="tool-card__body">
          <DiffView tool={entry.tool} input={input!} />
          {result?.isError && <ToolOutput text={result.content} error />}
        </div>
      )
    case 'todos':
      return (
        <div className="tool-card__body">
          <TodoList input={input!} />
          {result?.isError && <ToolOutput text={result.content} error />}
        </div>
      )
    case 'task':
      return (
        <div className="tool-card__body">
          <TaskLine tool={entry.tool} input={input!} />
          {result !== null && <ToolOutput text={result.content} error={result.isError} />}
        </div>
      )
    case 'read':
    case 'search':
      return (
        <div className="tool-card__body">
          <ToolArguments input={input!} skip={shape === 'read' ? ['file_path'] : ['pattern']} />
          {output}
        </div>
      )
    case 'other':
      return (
        <div className="tool-card__body">
          <ToolOutput text={input === null ? entry.input : JSON.stringify(input, null, 2)} label="Copy input" testId="tool-input" />
          {output}
        </div>
      )
  }
}

/** The call's other arguments (path, glob, offset…) as a short list. */
function ToolArguments({ input, skip }: { input: ToolInput; skip: string[] }) {
  const rest = Object.entries(input).filter(([name, value]) => !skip.includes(name) && value !== undefined && value !== null && value !== '')
  if (rest.length === 0) return null
  return (
    <dl className="tool-card__args">
      {rest.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  )
}
