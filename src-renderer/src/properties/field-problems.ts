// Local rule messages and the server's validation problems, sorted to where they are shown.
import type { ValidationProblem } from '../../../src-main/contract/api'

export interface PlacedProblems {
  /** Field (or "field.row") → messages, local first, without repeats. */
  byField: Record<string, string[]>
  /** Problems with no field, or a field the form does not show: listed at the top. */
  general: string[]
}

export function placeProblems(local: Record<string, string>, server: ValidationProblem[], shownFields: string[]): PlacedProblems {
  const byField: Record<string, string[]> = {}
  const general: string[] = []
  const shown = (field: string): boolean => shownFields.some((name) => field === name || field.startsWith(`${name}.`))
  const put = (field: string, message: string): void => {
    const list = (byField[field] ??= [])
    if (!list.includes(message)) list.push(message)
  }
  for (const [field, message] of Object.entries(local)) {
    if (shown(field)) put(field, message)
    else general.push(message)
  }
  for (const problem of server) {
    if (problem.field !== null && shown(problem.field)) put(problem.field, problem.message)
    else if (!general.includes(problem.message)) general.push(problem.field ? `${problem.field}: ${problem.message}` : problem.message)
  }
  return { byField, general }
}

/** The messages for one row of a list field. */
export function rowProblems(byField: Record<string, string[]>, field: string, index: number): string[] {
  return byField[`${field}.${index}`] ?? []
}
