import { useState } from 'react'
import { Ban, Check, CircleSlash, ShieldQuestion } from 'lucide-react'
import type { PermissionAnswer, PermissionRequest, PermissionSettled } from '../../../src-main/contract/api'
import { describeToolCall, outcomeText } from './permission-format'
import { usePermissions } from './store'
import { DenyForm } from './DenyForm'
import { DiffView } from '../chat/tools/DiffView'
import { toolShape } from '../chat/tools/tool-input'
import './permissions.css'

interface ApprovalCardProps {
  request: PermissionRequest
  /** The outcome as the card's own stream told it (a chat transcript); else the store's. */
  settled?: PermissionSettled | null
  /** "Flow · node · chat", where the card is shown away from its chat. */
  origin?: string
}

const ALLOW: { scope: NonNullable<PermissionAnswer['scope']>; label: string; testId: string }[] = [
  { scope: 'once', label: 'Allow once', testId: 'approval-allow-once' },
  { scope: 'session', label: 'Allow for this session', testId: 'approval-allow-session' },
  { scope: 'always', label: 'Always allow', testId: 'approval-allow-always' },
]

/** A tool call waiting for a yes or no: what it wants, the answers, and how it ended. */
export function ApprovalCard({ request, settled, origin }: ApprovalCardProps) {
  const stored = usePermissions((state) => state.settled[request.id])
  const answering = usePermissions((state) => state.answering[request.id] === true)
  const error = usePermissions((state) => state.errors[request.id])
  const answer = usePermissions((state) => state.answer)
  const [denying, setDenying] = useState(false)
  const outcome = settled ?? stored ?? null
  const ask = describeToolCall(request.tool_name, request.input)

  return (
    <section
      className={`approval${outcome ? ` approval--${outcome.outcome}` : ''}`}
      aria-label={`Permission for ${request.tool_name}`}
      data-testid="approval-card"
      data-state={outcome ? outcome.outcome : 'pending'}
    >
      <header className="approval__head">
        <ShieldQuestion size={15} aria-hidden="true" />
        <span className="approval__action">{ask.action}</span>
        <span className="approval__tool">{request.tool_name}</span>
      </header>
      {origin && <p className="approval__origin">{origin}</p>}
      {ask.json ? (
        <pre className="approval__detail approval__detail--json">{ask.detail}</pre>
      ) : (
        <code className="approval__detail" data-testid="approval-detail">
          {ask.detail}
        </code>
      )}
      {request.description && !ask.json && <p className="approval__description">{request.description}</p>}
      {/* A file change is judged by what it changes, not by its path alone. */}
      {!outcome && isFileChange(request) && <DiffView tool={request.tool_name} input={request.input} />}
      {outcome ? (
        <p className="approval__outcome" role="status" data-testid="approval-outcome">
          {outcome.outcome === 'allowed' ? <Check size={14} aria-hidden="true" /> : outcome.outcome === 'denied' ? <Ban size={14} aria-hidden="true" /> : <CircleSlash size={14} aria-hidden="true" />}
          {outcomeText(outcome)}
        </p>
      ) : denying ? (
        <DenyForm disabled={answering} onCancel={() => setDenying(false)} onDeny={(message) => void answer(request.id, message ? { behavior: 'deny', message } : { behavior: 'deny' })} />
      ) : (
        <div className="approval__buttons" role="group" aria-label="Answer">
          {ALLOW.map(({ scope, label, testId }) => (
            <button key={scope} type="button" className={`button button--small${scope === 'once' ? ' button--primary' : ''}`} disabled={answering} data-testid={testId}
              onClick={() => void answer(request.id, { behavior: 'allow', scope })}>
              {label}
            </button>
          ))}
          <button type="button" className="button button--small button--danger-quiet" disabled={answering} onClick={() => setDenying(true)} data-testid="approval-deny">
            Deny…
          </button>
        </div>
      )}
      {error && !outcome && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

function isFileChange(request: PermissionRequest): boolean {
  const shape = toolShape(request.tool_name, request.input)
  return shape === 'edit' || shape === 'write'
}
