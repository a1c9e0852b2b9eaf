import { describe, expect, it } from 'vitest'
import { cronTimestamp, parseCron, upcoming } from '../../src-main/scheduler/cron'
import { chunkName, manifest, splitDiff } from '../../src-main/scheduler/diff'
import { prTriggerConfig } from '../../src-main/scheduler/pr-reviews'

const from = new Date('2026-02-24T10:00:00Z')
const next = (expression: string, count = 5) => {
  const parsed = parseCron(expression)
  if (!parsed.ok) throw new Error(parsed.error)
  return upcoming(parsed.cron, from, count).map(cronTimestamp)
}

describe('cron', () => {
  it('accepts exactly five fields and nicknames, in UTC', () => {
    expect(next('0 9 * * 1-5', 3)).toEqual(['2026-02-25T09:00:00+00:00', '2026-02-26T09:00:00+00:00', '2026-02-27T09:00:00+00:00'])
    expect(next('@hourly', 2)).toEqual(['2026-02-24T11:00:00+00:00', '2026-02-24T12:00:00+00:00'])
    expect(next('@daily', 1)).toEqual(['2026-02-25T00:00:00+00:00'])
    // Month and weekday names, any case: the next Sunday in January or February.
    expect(next('0 0 * JAN,feb sun', 1)).toEqual(['2027-01-03T00:00:00+00:00'])
  })

  it('ORs day-of-month and day-of-week when both are restricted', () => {
    expect(next('0 12 13 * FRI', 3)).toEqual(['2026-02-27T12:00:00+00:00', '2026-03-06T12:00:00+00:00', '2026-03-13T12:00:00+00:00'])
  })

  it('refuses six and seven fields with the contract\'s messages', () => {
    expect(parseCron('* * * * * *')).toEqual({ ok: false, error: 'Invalid pattern: Pattern must consist of five fields, seconds are not allowed by configuration.' })
    expect(parseCron('0 0 0 1 1 * 2030')).toEqual({ ok: false, error: 'Invalid pattern: Pattern must consist of five or six fields (minute, hour, day, month, day of week, and optional second).' })
    expect(parseCron('* * * *').ok).toBe(false)
    const bad = parseCron('61 * * * *')
    expect(bad.ok === false && bad.error).toMatch(/^Component error: /)
  })

  it('a valid expression that never matches has no next runs', () => {
    expect(next('0 0 31 2 *')).toEqual([])
  })

  it('next runs step at least a second apart', () => {
    expect(next('* * * * *', 3)).toEqual(['2026-02-24T10:01:00+00:00', '2026-02-24T10:02:00+00:00', '2026-02-24T10:03:00+00:00'])
  })
})

describe('diff splitting', () => {
  const diff = 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-a\n+b\ndiff --git a/README.md b/README.md\n+new\n'
  it('splits per file and names pieces after their paths', () => {
    const files = splitDiff(diff)
    expect(files.map((f) => f.path)).toEqual(['src/a.ts', 'README.md'])
    expect(files[0]!.text.startsWith('diff --git a/src/a.ts')).toBe(true)
    expect(chunkName('src/deep/a.ts')).toBe('src__deep__a.ts.diff')
    expect(manifest(files, '/tmp/x')).toContain('| src/a.ts | 81 | /tmp/x/src__a.ts.diff |')
  })
})

describe('github-pr trigger config', () => {
  it('reads repos, intervals and flags with defaults', () => {
    expect(prTriggerConfig({ repos: [{ slug: 'o/r', path: '/src/r' }, { slug: 'noslash' }, 'x', { slug: 'o/q' }], poll_interval: 30, review_on_push: true })).toEqual({
      repos: [{ slug: 'o/r', path: '/src/r' }, { slug: 'o/q', path: '.' }],
      pollSeconds: 30,
      skipDrafts: true,
      reviewOnPush: true,
      maxDiffSize: 50_000,
    })
    expect(prTriggerConfig({ poll_interval: -5, max_diff_size: 1.5, skip_drafts: false })).toMatchObject({ pollSeconds: 60, maxDiffSize: 50_000, skipDrafts: false })
  })
})
