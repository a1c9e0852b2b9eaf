import type { FieldSpec } from './form-fields'
import type { Config } from './config-values'
import { FieldInput } from './FieldInput'
import { ListField } from './ListField'
import { stringList, text } from './config-values'
import { PromptEditor } from './prompt/PromptEditor'
import { PermissionModeField } from './PermissionModeField'
import { effectivePermissionMode } from './permission-mode'

interface ConfigFormProps {
  fields: FieldSpec[]
  config: Config
  problems: Record<string, string[]>
  onField(name: string, value: unknown): void
}

// Common Claude Code tools, one click each; anything else (e.g. Bash(git:*)) can be typed.
const TOOL_SUGGESTIONS = ['Bash', 'Read', 'Edit', 'Write', 'Glob', 'Grep', 'WebFetch']

/** Every field of the node's config, in the order of its schema. */
export function ConfigForm({ fields, config, problems, onField }: ConfigFormProps) {
  if (fields.length === 0) return <p className="pp-hint pp-empty">This kind has nothing to configure.</p>
  return (
    <div className="pp-form">
      {fields.map((spec) => {
        const onValue = (value: unknown): void => onField(spec.name, value)
        if (spec.control === 'prompt') {
          return <PromptEditor key={spec.name} spec={spec} value={text(config[spec.name])} problems={problems[spec.name] ?? []} onValue={onValue} />
        }
        if (spec.control === 'permission-mode') {
          return <PermissionModeField key={spec.name} spec={spec} config={config} problems={problems[spec.name] ?? []} onValue={onValue} />
        }
        if (spec.control === 'permissions') {
          return (
            <ListField
              key={spec.name}
              spec={{ ...spec, hint: 'Tools Claude Code may use without asking, e.g. Read or Bash(git:*).' }}
              items={stringList(config[spec.name])}
              problems={problems}
              onItems={onValue}
              suggestions={TOOL_SUGGESTIONS}
              emptyNote={emptyToolsNote(config)}
            />
          )
        }
        return <FieldInput key={spec.name} spec={spec} value={config[spec.name]} problems={problems} onValue={onValue} />
      })}
    </div>
  )
}

// An empty list means "skip every check" only for executors without a permission mode.
function emptyToolsNote(config: Config): string {
  const { mode, implied } = effectivePermissionMode(config)
  if (implied) return 'None listed: every tool is allowed (the run skips permission checks).'
  return mode === 'allowed_tools' ? 'None listed: every tool that needs permission is asked about.' : 'None listed.'
}
