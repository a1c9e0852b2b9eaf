// Field-level checks shared by the config rules and the form. Each returns a message, or null when fine.

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

// Prefixes of well-known secrets: Slack, GitHub, OpenAI/Anthropic-style keys, Notion, GitLab, AWS.
const TOKEN_PREFIX = /^(xox[a-z]?-|xapp-|ghp_|gho_|ghs_|ghu_|github_pat_|sk-|secret_|ntn_|glpat-|AKIA)/i

export function looksLikeUrl(value: string): boolean {
  return /^https?:/i.test(value.trim()) || value.includes('://')
}

/** A secret pasted where its variable's name belongs: a known prefix, or long lower-case-and-digits gibberish. */
export function looksLikeToken(value: string): boolean {
  const v = value.trim()
  if (TOKEN_PREFIX.test(v)) return true
  return v.length >= 24 && /[a-z]/.test(v) && /\d/.test(v) && !v.includes('_')
}

/** `*_env` fields hold the NAME of an environment variable, never the secret itself. */
export function envNameProblem(value: string): string | null {
  const v = value.trim()
  if (v === '') return null
  if (looksLikeUrl(v)) return 'This is a URL. Enter the name of the environment variable that holds it, not the URL itself.'
  if (looksLikeToken(v)) return 'This looks like a secret. Enter the name of the environment variable that holds it, not its value.'
  if (!ENV_NAME.test(v)) return 'Not an environment variable name: use letters, digits and _, not starting with a digit.'
  return null
}

export function urlProblem(value: string): string | null {
  const v = value.trim()
  if (v === '') return null
  let url: URL
  try {
    url = new URL(v)
  } catch {
    return 'Not a URL: it should start with http:// or https://.'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http:// and https:// URLs can be fetched.'
  if (url.hostname === '') return 'The URL has no host.'
  return null
}

/** A whole number at least `min`; strings (e.g. from a hand-edited file) are not numbers to the server. */
export function countProblem(value: unknown, min: number): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a number.'
  if (!Number.isInteger(value)) return 'Must be a whole number.'
  if (value < min) return min === 0 ? 'Must not be negative.' : `Must be at least ${min}.`
  return null
}

const NICKNAMES = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'])
const CRON_FIELD = /^[0-9A-Za-z*?,/#\-]+$/

/** The shape the scheduler accepts: five fields (minute hour day month weekday) or a nickname. The server checks the rest live. */
export function cronShapeProblem(value: string): string | null {
  const v = value.trim()
  if (v === '') return null
  if (v.startsWith('@')) return NICKNAMES.has(v.toLowerCase()) ? null : `Unknown nickname ${v}: use @hourly, @daily, @weekly, @monthly or @yearly.`
  const fields = v.split(/\s+/)
  if (fields.length === 6) return 'Use five fields (minute hour day month weekday); seconds are not supported.'
  if (fields.length !== 5) return `Needs five fields (minute hour day month weekday), found ${fields.length}.`
  if (!fields.every((field) => CRON_FIELD.test(field))) return 'A field has characters cron does not use.'
  return null
}

const SLUG = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

export function repoSlugProblem(value: string): string | null {
  const v = value.trim()
  if (v === '') return 'Enter the repository as owner/repo.'
  return SLUG.test(v) ? null : 'Use the form owner/repo.'
}
