import { useLayoutEffect, useRef } from 'react'
import { FieldShell } from '../FieldShell'
import type { FieldSpec } from '../form-fields'
import { PromptLibrary } from './PromptLibrary'
import { VariableChips } from './VariableChips'
import { insertText } from '../prompt-variables'

interface PromptEditorProps {
  spec: FieldSpec
  value: string
  problems: string[]
  onValue(value: string): void
}

const HINT = 'Inline text, or the path of a .md or .txt file. {{variables}} are filled in at run time.'

/** The executor's prompt: monospace, resizable, with variables and saved prompts inserted at the cursor. */
export function PromptEditor({ spec, value, problems, onValue }: PromptEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null)
  // Where the caret goes once the inserted text is rendered; set by an insert, used once.
  const pendingCaret = useRef<number | null>(null)

  useLayoutEffect(() => {
    const caret = pendingCaret.current
    const element = area.current
    if (caret === null || !element) return
    pendingCaret.current = null
    element.focus()
    element.setSelectionRange(caret, caret)
  })

  const insert = (snippet: string): void => {
    const element = area.current
    // The textarea keeps its selection after losing focus to the chip, so this is the user's cursor.
    const start = element?.selectionStart ?? value.length
    const end = element?.selectionEnd ?? value.length
    const next = insertText(value, start, end, snippet)
    pendingCaret.current = next.caret
    onValue(next.text)
  }
  const replace = (text: string): void => {
    pendingCaret.current = text.length
    onValue(text)
  }

  return (
    <FieldShell spec={{ ...spec, hint: HINT }} problems={problems}>
      {(ids) => (
        <>
          <textarea
            ref={area}
            id={ids.id}
            className="pp-input pp-input--mono pp-textarea pp-textarea--prompt"
            rows={10}
            value={value}
            placeholder="Summarise these items for the team: {{content}}"
            spellCheck={false}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy || undefined}
            onChange={(event) => onValue(event.target.value)}
          />
          <VariableChips onInsert={(name) => insert(`{{${name}}}`)} />
          <PromptLibrary onInsert={insert} onReplace={replace} />
        </>
      )}
    </FieldShell>
  )
}
