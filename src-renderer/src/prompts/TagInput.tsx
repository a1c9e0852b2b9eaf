import { X } from 'lucide-react'
import { useId, useState, type KeyboardEvent } from 'react'
import { normaliseTags } from './search'
import './prompts.css'

/** Tags as chips: Enter or comma adds what is typed, Backspace in an empty box removes the last. */
export function TagInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState('')
  const inputId = useId()

  const commit = (): void => {
    if (text.trim() === '') return
    onChange(normaliseTags([...tags, ...text.split(',')]))
    setText('')
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      commit()
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div className="tag-input">
      <label className="field__label" htmlFor={inputId}>
        Tags
      </label>
      <div className="tag-input__box">
        <ul className="tag-input__chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
              <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={inputId}
          className="tag-input__field"
          value={text}
          placeholder={tags.length === 0 ? 'Add a tag and press Enter' : 'Add tag'}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          data-testid="prompt-tag-input"
        />
      </div>
    </div>
  )
}
