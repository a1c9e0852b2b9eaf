import type { FlowNode } from '../../../src-main/contract/api'
import { eventTone, formatClock, nodeLabel } from './run-format'
import type { RunLogGroup } from './run-log'

interface RunLogGroupViewProps {
  group: RunLogGroup
  nodes: readonly FlowNode[] | undefined
}

/** The live lines of one run. */
export function RunLogGroupView({ group, nodes }: RunLogGroupViewProps) {
  return (
    <section className="run-log__group" data-testid="run-log-group" data-run-id={group.runId}>
      <h4 className="run-log__run">Run {group.runId.slice(0, 8)}</h4>
      <ol className="run-log__lines">
        {group.lines.map((line) => (
          <li
            key={line.key}
            className={`run-line run-line--${eventTone(line.type)}`}
            data-testid="run-log-line"
            data-event-type={line.type}
          >
            <time className="run-line__time" dateTime={line.timestamp}>
              {formatClock(line.timestamp)}
            </time>
            <span className="run-line__node">{nodeLabel(nodes, line.nodeId)}</span>
            <span className="run-line__message" data-testid="run-log-message">
              {line.message}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
