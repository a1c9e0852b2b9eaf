import { useState, type KeyboardEvent } from 'react'
import { Plus, X } from 'lucide-react'
import { FieldShell } from './FieldShell'
import type { FieldSpec } from './form-fields'
import { rowProblems } from './field-problems'

interface ListFieldProps {
  spec: FieldSpec
  items: string[]
  problems: Record<string, string[]>
  onItems(items: string[]): void
  /** One-click additions (e.g. common tool names); those already listed are hidden. */
  suggestions?: string[]
  /** Shown when the list is empty, e.g. what an empty list means. */
  emptyNote?: string
}

/** Editable rows plus an "add" input at the end: Enter or the button appends, so no blank rows appear. */
export function ListField({ spec, items, problems, onItems, suggestions = [], emptyNote }: ListFieldProps) {
  const [adding, setAdding] = useState('')
  const item = spec.itemName ?? 'entry'
  const add = (): void => {
    const value = adding.trim()
    if (value === '') return
    onItems([...items, value])
    setAdding('')
  }
  const onAddKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    add()
  }
  const offered = suggestions.filter((name) => !items.includes(name))

  return (
    <FieldShell spec={spec} problems={problems[spec.name] ?? []} group>
      {(ids) => (
        <div className="pp-list">
          {items.length === 0 && emptyNote && <p className="pp-hint pp-list__empty">{emptyNote}</p>}
          {items.map((value, index) => {
            const messages = rowProblems(problems, spec.name, index)
            const rowId = `${ids.id}-row-${index}`
            return (
              // Rows have no identity beyond their position; editing never reorders them.
              <div key={index} className="pp-list__row-wrap">
                <div className="pp-list__row">
                  <input
                    className="pp-input pp-input--mono"
                    aria-label={`${spec.label}: ${item} ${index + 1}`}
                    value={value}
                    spellCheck={false}
                    aria-invalid={messages.length > 0}
                    aria-describedby={messages.length > 0 ? rowId : undefined}
                    onChange={(event) => onItems(items.map((old, i) => (i === index ? event.target.value : old)))}
                  />
                  <button type="button" className="pp-icon-button" aria-label={`Remove ${item} ${value || index + 1}`} onClick={() => onItems(items.filter((_, i) => i !== index))}>
                    <X size={14} aria-hidden="true" />
                  </button>
                </div>
                {messages.length > 0 && (
                  <p id={rowId} className="pp-problems">
                    {messages.join(' ')}
                  </p>
                )}
              </div>
            )
          })}
          <div className="pp-list__row">
            <input
              className="pp-input pp-input--mono"
              aria-label={`New ${item}`}
              placeholder={`Add ${item}…`}
              value={adding}
              spellCheck={false}
              aria-describedby={ids.describedBy || undefined}
              onChange={(event) => setAdding(event.target.value)}
              onKeyDown={onAddKey}
            />
            <button type="button" className="pp-icon-button" aria-label={`Add ${item}`} disabled={adding.trim() === ''} onClick={add}>
              <Plus size={14} aria-hidden="true" />
            </button>
          </div>
          {offered.length > 0 && (
            <div className="pp-chips" aria-label={`Quick add ${item}`} role="group">
              {offered.map((name) => (
                <button key={name} type="button" className="pp-chip" onClick={() => onItems([...items, name])}>
                  <Plus size={12} aria-hidden="true" /> {name}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </FieldShell>
  )
}
