import { useEffect, useId, useState } from 'react'
import { executorNodes } from './executor-node'
import { useFlows } from '../flows/FlowsProvider'
import { AddExecutorForm } from './AddExecutorForm'
import { ChatPanel } from './ChatPanel'
import { ExecutorNodeItem } from './ExecutorNodeItem'

/** The flow's executor nodes, a form to add one, and the chat of the one picked. */
export function ExecutorSection({ flowId }: { flowId: string }) {
  const nodes = useFlows((s) => s.nodes[flowId])
  const loadNodes = useFlows((s) => s.loadNodes)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const titleId = useId()

  useEffect(() => {
    void loadNodes(flowId)
  }, [flowId, loadNodes])

  const executors = nodes === undefined ? null : executorNodes(nodes)
  const selected = executors?.find((node) => node.id === selectedId)

  return (
    <>
      <section className="executors" aria-labelledby={titleId} data-testid="executor-section">
        <div className="executors__head">
          <h3 id={titleId} className="section-title">
            Executor nodes {executors !== null && <span className="count">{executors.length}</span>}
          </h3>
          {!adding && (
            <button type="button" className="button button--small" onClick={() => setAdding(true)}>
              Add executor
            </button>
          )}
        </div>
        {adding && (
          <AddExecutorForm
            flowId={flowId}
            onDone={(nodeId) => {
              setAdding(false)
              // A new executor is added to be talked to: open its chat straight away.
              if (nodeId !== null) setSelectedId(nodeId)
            }}
          />
        )}
        {executors === null ? (
          <p className="list-note">Loading nodes…</p>
        ) : executors.length === 0 ? (
          <p className="list-note" data-testid="executor-empty">
            No executor nodes yet. Add one to chat with Claude Code.
          </p>
        ) : (
          <ul className="executor-list">
            {executors.map((node) => (
              <li key={node.id}>
                <ExecutorNodeItem node={node} selected={node.id === selectedId} onSelect={setSelectedId} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && (
        // Keyed by node so a half-typed message never carries over to another node.
        <ChatPanel
          key={selected.id}
          target={{ flowId, nodeId: selected.id }}
          label={selected.label}
          onClose={() => setSelectedId(null)}
        />
      )}
    </>
  )
}
