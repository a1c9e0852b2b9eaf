import { describe, expect, it } from 'vitest'
import { compileFormat, parseIsoDate, parseWithFormat } from '../../src-main/integrations/strftime-parse'
import { mergedPrQuery, sinceDate } from '../../src-main/integrations/github-merged-prs'

const iso = (text: string, format: string) => parseWithFormat(text, format)?.toISOString() ?? null

describe('strftime-style date formats', () => {
  it.each([
    ['2026-06-03', '%Y-%m-%d', '2026-06-03T00:00:00.000Z'],
    ['03/06/2026 14:30', '%d/%m/%Y %H:%M', '2026-06-03T14:30:00.000Z'],
    ['6/3/26', '%m/%d/%y', '2026-06-03T00:00:00.000Z'],
    ['Jun 3, 2026', '%b %d, %Y', '2026-06-03T00:00:00.000Z'],
    ['3 September 2026', '%d %B %Y', '2026-09-03T00:00:00.000Z'],
    ['Wed, 03 Jun 2026 09:05:07 GMT', '%a, %d %b %Y %H:%M:%S %Z', '2026-06-03T09:05:07.000Z'],
    ['2026-06-03T14:30:00+02:00', '%Y-%m-%dT%H:%M:%S%z', '2026-06-03T12:30:00.000Z'],
    ['2026-06-03 14:30:00 -0130', '%F %T %z', '2026-06-03T16:00:00.000Z'],
    ['2026-06-03 14:30:00.250', '%Y-%m-%d %H:%M:%S.%f', '2026-06-03T14:30:00.250Z'],
    ['June 3 2026 2:15 PM', '%B %e %Y %I:%M %p', '2026-06-03T14:15:00.000Z'],
    ['12:01 am 2026/01/31', '%I:%M %p %Y/%m/%d', '2026-01-31T00:01:00.000Z'],
    ['  2026-06-03  ', '%Y-%m-%d', '2026-06-03T00:00:00.000Z'],
    ['100% on 2026.06.03', '100%% on %Y.%m.%d', '2026-06-03T00:00:00.000Z'],
    ['1780000000', '%s', '2026-05-28T20:26:40.000Z'],
    ['2026-6-3', '%Y-%-m-%-d', '2026-06-03T00:00:00.000Z'],
  ])('%s with %s', (text, format, expected) => {
    expect(iso(text, format)).toBe(expected)
  })

  it.each([
    ['not a date', '%Y-%m-%d'],
    ['2026-02-30', '%Y-%m-%d'],
    ['2026-13-01', '%Y-%m-%d'],
    ['2026-06-03 25:00', '%Y-%m-%d %H:%M'],
    ['2026-06-03 extra', '%Y-%m-%d'],
    ['Foo 3, 2026', '%b %d, %Y'],
    ['2026-06-03', '%Y-%m-%d %Q'],
    ['06-03', '%m-%d'],
    ['2026-06-03 10:00 CET', '%Y-%m-%d %H:%M %Z'],
    ['13:00 PM 2026-01-01', '%I:%M %p %Y-%m-%d'],
  ])('%s with %s is unparsable', (text, format) => {
    expect(parseWithFormat(text, format)).toBeNull()
  })

  it('knows leap years', () => {
    expect(iso('29/02/2024', '%d/%m/%Y')).toBe('2024-02-29T00:00:00.000Z')
    expect(iso('29/02/2026', '%d/%m/%Y')).toBeNull()
  })

  it('rejects unknown directives when compiling', () => {
    expect(compileFormat('%Y-%q')).toBeNull()
    expect(compileFormat('%Y-%m-%d')).not.toBeNull()
  })
})

describe('GitHub merged-PR search terms', () => {
  it('looks back since_days from now, as a UTC date', () => {
    expect(sinceDate(new Date('2026-06-10T00:30:00Z'), 7)).toBe('2026-06-03')
    expect(sinceDate(new Date('2026-03-01T23:59:00Z'), 1)).toBe('2026-02-28')
    expect(sinceDate(new Date('2026-06-10T12:00:00Z'), 0)).toBe('2026-06-10')
    expect(sinceDate(new Date('2026-06-10T12:00:00Z'), 10 ** 12)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('builds the issue-search query', () => {
    expect(mergedPrQuery('octo/repo', '2026-06-03')).toBe('repo:octo/repo is:pr is:merged merged:>=2026-06-03')
  })
})

describe('ISO dates without a format', () => {
  it('reads dates and date-times as UTC unless they carry an offset', () => {
    expect(parseIsoDate('2026-06-03')?.toISOString()).toBe('2026-06-03T00:00:00.000Z')
    expect(parseIsoDate('2026-06-03T14:30')?.toISOString()).toBe('2026-06-03T14:30:00.000Z')
    expect(parseIsoDate('2026-06-03 14:30:05')?.toISOString()).toBe('2026-06-03T14:30:05.000Z')
    expect(parseIsoDate('2026-06-03T14:30:05.5Z')?.toISOString()).toBe('2026-06-03T14:30:05.500Z')
    expect(parseIsoDate('2026-06-03T14:30:05-05:00')?.toISOString()).toBe('2026-06-03T19:30:05.000Z')
  })

  it('does not guess at other spellings', () => {
    expect(parseIsoDate('May 1')).toBeNull()
    expect(parseIsoDate('June 3, 2026')).toBeNull()
    expect(parseIsoDate('')).toBeNull()
  })
})
