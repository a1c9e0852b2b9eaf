import type { ValidationProblem } from '../../../src-main/contract/api'
import { useEditor, useEditorServices, selectNodes } from './EditorContext'

/** The server's problems with the flow; a click selects the node at fault. */
export function ProblemList({ problems, onPick }: { problems: readonly ValidationProblem[]; onPick?: () => void }) {
  const { store } = useEditorServices()
  const nodes = useEditor(selectNodes)
  if (problems.length === 0) return <p className="problem-list__none">No problems: the flow is ready to run.</p>
  // Errors first: they are what stops a run.
  const ordered = [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))
  return (
    <ul className="problem-list" data-testid="problem-list">
      {ordered.map((problem, index) => {
        const node = problem.node_id ? nodes.find((candidate) => candidate.id === problem.node_id) : undefined
        return (
          <li key={`${problem.node_id ?? 'flow'}-${problem.field ?? ''}-${index}`}>
            <button
              type="button"
              className={`problem-list__item${problem.severity === 'warning' ? ' problem-list__item--warning' : ''}`}
              disabled={!node}
              onClick={() => {
                if (node) store.getState().select([node.id])
                onPick?.()
              }}
            >
              <strong>{node ? node.label : 'Flow'}</strong>
              {problem.severity === 'warning' && <em className="problem-list__note">note</em>}
              {problem.field && <code>{problem.field}</code>}
              <span>{problem.message}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
