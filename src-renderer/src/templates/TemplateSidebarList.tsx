import { Plus } from 'lucide-react'
import { FLOW_TEMPLATES, templateFlow, type FlowTemplate } from './templates'
import { useCreateFlow } from './useCreateFlow'
import { quoted } from '../ui/failed-action'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import './templates.css'

/** The sidebar's compact template list: a name and a create button each. */
export function TemplateSidebarList({ onCreated }: { onCreated: (flowId: string) => void }) {
  const { busy, failed, dismiss, create } = useCreateFlow(onCreated)
  const use = (template: FlowTemplate): Promise<void> => create(template.id, templateFlow(template), { what: `create flow ${quoted(template.name)} from its template` })

  return (
    <div className="template-side" data-testid="template-sidebar">
      <ul className="template-side__list">
        {FLOW_TEMPLATES.map((template) => (
          <li key={template.id} className="template-side__item">
            <span className="template-side__name" title={template.description}>
              {template.name}
            </span>
            <button
              type="button"
              className="button button--small template-side__create"
              disabled={busy !== null}
              aria-label={`Create a flow from the template ${template.name}`}
              title="Create a flow from this template"
              onClick={() => void use(template)}
            >
              <Plus size={13} aria-hidden="true" />
              {busy === template.id ? '…' : null}
            </button>
          </li>
        ))}
      </ul>
      <FailedActionBanner failed={failed} onDismiss={dismiss} testId="template-error" />
    </div>
  )
}
