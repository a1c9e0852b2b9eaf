// Readers for node config values. Node configs are free-form JSON written by
// users, so each reader falls back to a default instead of failing, except the
// required fields, which fail with the contract's `<owner> missing '<field>'`.

export type ConfigRecord = Readonly<Record<string, unknown>>

/** Anything that is not a JSON object reads as an empty config. */
export function configRecord(config: unknown): ConfigRecord {
  return typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as ConfigRecord) : {}
}

/** A required, non-blank string; `owner` is e.g. "rss node" or "keyword filter". */
export function requiredString(config: ConfigRecord, field: string, owner: string): string {
  const value = optionalString(config, field)
  if (value === null) throw new Error(`${owner} missing '${field}'`)
  return value
}

/** A non-blank string, or null (blank strings are what a cleared form field leaves). */
export function optionalString(config: ConfigRecord, field: string): string | null {
  const value = config[field]
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Contract §0: only a non-negative integer counts; floats, strings, negatives mean the default. */
export function unsignedInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fallback
}

export function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback
}

/** The string entries of an array (others are skipped), or null when it is not an array. */
export function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : null
}
