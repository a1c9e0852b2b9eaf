import { LayoutTemplate, Plus } from 'lucide-react'
import { quoted } from '../ui/failed-action'
import { FailedActionBanner } from '../ui/FailedActionBanner'
import { NodeChain } from './NodeChain'
import { FLOW_TEMPLATES, templateFlow, type FlowTemplate } from './templates'
import { useCreateFlow } from './useCreateFlow'
import './templates.css'

/** The template gallery: ready-made flows, each created in one click. */
export function TemplateGallery({ onCreated }: { onCreated: (flowId: string) => void }) {
  const { busy, failed, dismiss, create } = useCreateFlow(onCreated)
  const use = (template: FlowTemplate): Promise<void> => create(template.id, templateFlow(template), { what: `create flow ${quoted(template.name)} from its template` })

  return (
    <section className="template-view" aria-labelledby="template-view-title" data-testid="template-gallery">
      <header className="template-view__head">
        <h1 id="template-view-title" className="template-view__title">
          <LayoutTemplate size={18} aria-hidden="true" /> Templates
        </h1>
        <p className="template-view__intro">Ready-made flows. Pick one to get a new flow you can run and change; the original stays here.</p>
      </header>
      <FailedActionBanner failed={failed} onDismiss={dismiss} testId="template-error" />
      <ul className="template-grid">
        {FLOW_TEMPLATES.map((template) => (
          <li key={template.id} className="template-card" data-testid={`template-${template.id}`}>
            <h2 className="template-card__name">{template.name}</h2>
            <p className="template-card__description">{template.description}</p>
            <NodeChain chain={template.chain} />
            {template.needs.length > 0 && (
              <div className="template-card__needs">
                <span className="template-card__needs-title">Before it delivers</span>
                <ul>
                  {template.needs.map((need) => (
                    <li key={need}>{need}</li>
                  ))}
                </ul>
              </div>
            )}
            <button type="button" className="button button--primary template-card__use" disabled={busy !== null} onClick={() => void use(template)}>
              <Plus size={14} aria-hidden="true" /> {busy === template.id ? 'Creating…' : 'Use template'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
