// Small readers for a node's config, which is any JSON value on the wire (contract §3.2).

export type Config = Record<string, unknown>

/** The config as an object; anything else (null, a string, an array) reads as empty. */
export function asConfig(config: unknown): Config {
  return typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Config) : {}
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

export interface RepoEntry {
  slug: string
  path: string
}

/** github-pr `repos`: objects with a slug and an optional path; bare strings are read as slugs. */
export function repoList(value: unknown): RepoEntry[] {
  if (!Array.isArray(value)) return []
  return value.map((item): RepoEntry => {
    if (typeof item === 'string') return { slug: item, path: '' }
    const entry = asConfig(item)
    return { slug: text(entry.slug), path: text(entry.path) }
  })
}

export function isExecutorKind(nodeType: string): boolean {
  return nodeType === 'executor'
}
