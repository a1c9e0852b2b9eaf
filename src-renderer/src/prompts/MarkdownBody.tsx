import { useId } from 'react'
import Markdown from 'react-markdown'
import remarkGfm from 'remark-gfm'
import './prompts.css'

export type BodyMode = 'edit' | 'split' | 'preview'

const MODES: { mode: BodyMode; label: string }[] = [
  { mode: 'edit', label: 'Edit' },
  { mode: 'split', label: 'Split' },
  { mode: 'preview', label: 'Preview' },
]

interface MarkdownBodyProps {
  value: string
  onChange: (value: string) => void
  mode: BodyMode
  onModeChange: (mode: BodyMode) => void
}

/** The prompt text: a monospace editor, its Markdown rendering, or both side by side. */
export function MarkdownBody({ value, onChange, mode, onModeChange }: MarkdownBodyProps) {
  const textId = useId()
  return (
    <div className="md-body">
      <div className="md-body__bar">
        {mode === 'preview' ? (
          <span className="field__label">Prompt</span>
        ) : (
          <label className="field__label" htmlFor={textId}>
            Prompt
          </label>
        )}
        <div className="md-modes" role="group" aria-label="Prompt view">
          {MODES.map(({ mode: option, label }) => (
            <button key={option} type="button" className="md-modes__button" aria-pressed={mode === option} onClick={() => onModeChange(option)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <div className={`md-body__panes md-body__panes--${mode}`}>
        {mode !== 'preview' && (
          <textarea
            id={textId}
            className="md-body__text"
            value={value}
            spellCheck={false}
            placeholder={'Write the prompt in Markdown. Use {{content}}, {{timestamp}} or other {{variables}} where a run fills in data.'}
            onChange={(event) => onChange(event.target.value)}
            data-testid="prompt-body"
          />
        )}
        {mode !== 'edit' && (
          <div className="md-body__preview markdown" aria-label="Preview" data-testid="prompt-preview">
            {value.trim() === '' ? <p className="md-body__empty">Nothing to preview yet.</p> : <Markdown remarkPlugins={[remarkGfm]}>{value}</Markdown>}
          </div>
        )}
      </div>
    </div>
  )
}
