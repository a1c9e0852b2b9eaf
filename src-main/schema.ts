// Shared helpers for validating JSON with zod: null means "absent" for optional
// fields (contract §0), and a failure is described by naming the field.
import { z } from 'zod'

/** An optional field that also accepts JSON null as "not given". */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined)
}

/** A required field that may hold any JSON value (but must be present). */
export const anyJson = z.unknown().refine((value) => value !== undefined, { message: 'missing field' })

/**
 * `nodes[0].position.x`-style path of the first issue, and what is wrong there.
 * Parse with `{ reportInput: true }` so a missing field can be told from a wrong one.
 */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid value'
  const path = issue.path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`),
    '',
  )
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'missing field' : issue.message
  return path === '' ? message : `${path}: ${message}`
}

/** Parses with the schema or throws an Error whose message names the field. */
export function decodeWith<T extends z.ZodType>(schema: T): (json: unknown) => z.output<T> {
  return (json) => {
    const result = schema.safeParse(json, { reportInput: true })
    if (!result.success) throw new Error(describeIssues(result.error))
    return result.data
  }
}
