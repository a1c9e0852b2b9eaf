import { Braces } from 'lucide-react'
import { VARIABLE_GROUPS } from '../prompt-variables'

/** The {{variables}} a prompt can use; each button inserts one at the cursor. */
export function VariableChips({ onInsert }: { onInsert(name: string): void }) {
  return (
    <div className="pp-variables">
      {VARIABLE_GROUPS.map((group) => (
        <div key={group.title} role="group" aria-label={`Insert variable: ${group.title}`} className="pp-variables__group">
          <p className="pp-hint pp-variables__title">
            <Braces size={12} aria-hidden="true" /> {group.title}
          </p>
          <div className="pp-chips">
            {group.variables.map((variable) => (
              <button
                key={variable.name}
                type="button"
                className="pp-chip pp-chip--mono"
                title={variable.description}
                aria-label={`Insert {{${variable.name}}}: ${variable.description}`}
                // Keep focus (and so the selection) in the textarea when clicked with the mouse.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onInsert(variable.name)}
              >
                {variable.name}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  )
}
