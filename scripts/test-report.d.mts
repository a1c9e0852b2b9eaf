export interface Counts {
  passed: number
  failed: number
  skipped: number
  problems: string[]
}
export function countVitest(status: number | null, report: unknown, runEnd: { unhandledErrors?: string[] } | null): Counts
export function countPlaywright(status: number | null, report: unknown): Counts
