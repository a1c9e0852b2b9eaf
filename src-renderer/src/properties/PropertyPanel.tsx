import { useId, useMemo, type JSX } from 'react'
import { CircleAlert } from 'lucide-react'
import type { FlowNode, NodeKind, ValidationProblem } from '../../../src-main/contract/api'
import { configProblems } from './config-rules'
import { asConfig } from './config-values'
import { placeProblems } from './field-problems'
import { formFields } from './form-fields'
import { ConfigForm } from './ConfigForm'
import { LastOutput } from './LastOutput'
import { NodeHeader } from './NodeHeader'
import './properties.css'

export interface PropertyPanelProps {
  flowId: string
  node: FlowNode
  /** The catalogue entry for node.kind (GET /api/node-types); undefined for unknown kinds. */
  kind: NodeKind | undefined
  /** Server validation problems for this node (from POST /api/flows/{id}/validate), shown at their field. */
  problems: ValidationProblem[]
  /** The node's last run output, if any (NodeRun.output ?? output_preview), shown read-only at the bottom. */
  lastOutput: string | null
  /** Called on every edit; the editor debounces saving. */
  onChange(patch: { label?: string; config?: Record<string, unknown> }): void
}

/** The selected node's settings, generated from its kind's config_schema. */
export function PropertyPanel(props: PropertyPanelProps): JSX.Element {
  // Keyed by node: drafts (a half-typed number, an open library list) never leak to the next node.
  return <PanelBody key={props.node.id} {...props} />
}

function PanelBody({ node, kind, problems, lastOutput, onChange }: PropertyPanelProps): JSX.Element {
  const labelId = useId()
  const fields = useMemo(() => formFields(node, kind), [node, kind])
  const placed = useMemo(
    () => placeProblems(configProblems(node, kind), problems, fields.map((field) => field.name)),
    [node, kind, problems, fields],
  )

  const setField = (name: string, value: unknown): void => {
    // Merged into the stored config so keys this form does not show are kept.
    const config = { ...asConfig(node.config) }
    if (value === undefined) delete config[name]
    else config[name] = value
    onChange({ config })
  }

  return (
    <section className="pp" aria-label={`Properties of ${node.label || node.kind}`} data-testid="property-panel">
      <NodeHeader node={node} kind={kind} />
      <div className="pp-field">
        <label className="pp-label" htmlFor={labelId}>
          Label
        </label>
        <input id={labelId} className="pp-input" value={node.label} placeholder={kind?.label ?? node.kind} onChange={(event) => onChange({ label: event.target.value })} />
      </div>
      {placed.general.length > 0 && (
        <ul className="pp-general" aria-label="Problems with this node" data-testid="node-problems">
          {placed.general.map((message) => (
            <li key={message}>
              <CircleAlert size={14} aria-hidden="true" /> {message}
            </li>
          ))}
        </ul>
      )}
      <ConfigForm fields={fields} config={asConfig(node.config)} problems={placed.byField} onField={setField} />
      <LastOutput output={lastOutput} />
    </section>
  )
}
