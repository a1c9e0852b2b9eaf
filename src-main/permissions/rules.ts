// Rules that answer a permission question without asking again: "for this
// session" ones kept in memory, "always" ones remembered per working dir.
// A rule is a tool, optionally narrowed (for Bash) to a command or a prefix —
// the same shape as the CLI's own rules, e.g. `Bash(npm run:*)`.

export interface PermissionRule {
  toolName: string
  /** For Bash: an exact command, or a prefix ending in `:*`. null: any call of the tool. */
  ruleContent: string | null
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Suggestion destinations the CLI keeps across restarts (its settings files). */
const LASTING = new Set(['localSettings', 'projectSettings', 'userSettings'])

/** The `addRules` suggestions the CLI made for this call. */
function suggestedRules(suggestions: readonly unknown[], lastingOnly: boolean): PermissionRule[] {
  const rules: PermissionRule[] = []
  for (const suggestion of suggestions) {
    if (!isObject(suggestion) || suggestion.type !== 'addRules' || suggestion.behavior !== 'allow' || !Array.isArray(suggestion.rules)) continue
    if (lastingOnly && !LASTING.has(String(suggestion.destination))) continue
    for (const rule of suggestion.rules) {
      if (isObject(rule) && typeof rule.toolName === 'string') rules.push({ toolName: rule.toolName, ruleContent: typeof rule.ruleContent === 'string' ? rule.ruleContent : null })
    }
  }
  return rules
}

/**
 * What "don't ask again" covers: for Bash the command (or prefix) the CLI
 * suggests, else the exact command; for any other tool, the tool.
 */
export function rulesFor(toolName: string, input: Json, suggestions: readonly unknown[]): PermissionRule[] {
  if (toolName !== 'Bash') return [{ toolName, ruleContent: null }]
  const command = typeof input.command === 'string' ? input.command : null
  const suggested = suggestedRules(suggestions, false).filter((rule) => rule.toolName === 'Bash' && rule.ruleContent !== null)
  const rules = command === null ? suggested : [{ toolName, ruleContent: command }, ...suggested]
  return rules.length > 0 ? dedupe(rules) : [{ toolName, ruleContent: null }]
}

/** The CLI's lasting suggestions to send back with an "always" allow, or one made from the rules when it gave none. */
export function lastingSuggestions(suggestions: readonly unknown[], rules: readonly PermissionRule[]): unknown[] {
  const lasting = suggestions.filter((s) => isObject(s) && s.type === 'addRules' && s.behavior === 'allow' && LASTING.has(String(s.destination)))
  if (lasting.length > 0) return lasting
  return [{ type: 'addRules', rules: rules.map((r) => (r.ruleContent === null ? { toolName: r.toolName } : r)), behavior: 'allow', destination: 'localSettings' }]
}

/** Rules to remember "always": the CLI's lasting suggestion, else the session rules. */
export function lastingRules(toolName: string, input: Json, suggestions: readonly unknown[]): PermissionRule[] {
  const lasting = suggestedRules(suggestions, true)
  return lasting.length > 0 ? dedupe(lasting) : rulesFor(toolName, input, suggestions)
}

/** Shell operators that chain or redirect: a prefix rule never covers such a command. */
const CHAINING = /[;&|`<>\n]|\$\(/

export function matches(rule: PermissionRule, toolName: string, input: Json): boolean {
  if (rule.toolName !== toolName) return false
  if (rule.ruleContent === null) return true
  if (toolName !== 'Bash') return false
  const command = typeof input.command === 'string' ? input.command.trim() : null
  if (command === null) return false
  if (command === rule.ruleContent) return true
  const prefix = rule.ruleContent.endsWith(':*') ? rule.ruleContent.slice(0, -2) : rule.ruleContent.endsWith(' *') ? rule.ruleContent.slice(0, -2) : null
  if (prefix === null || CHAINING.test(command)) return false
  return command === prefix || command.startsWith(`${prefix} `)
}

/** The CLI's rule syntax, for --allowedTools: `Bash(touch x)`, `Read`. */
export function ruleString(rule: PermissionRule): string {
  return rule.ruleContent === null ? rule.toolName : `${rule.toolName}(${rule.ruleContent})`
}

/** Parses `Tool` or `Tool(content)`; null for anything else. */
export function parseRuleString(text: string): PermissionRule | null {
  const match = /^([A-Za-z0-9_.:-]+)(?:\((.*)\))?$/s.exec(text)
  if (!match) return null
  return { toolName: match[1]!, ruleContent: match[2] ?? null }
}

function dedupe(rules: PermissionRule[]): PermissionRule[] {
  const seen = new Set<string>()
  return rules.filter((rule) => {
    const key = ruleString(rule)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
