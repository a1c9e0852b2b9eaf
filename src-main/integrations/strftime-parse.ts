// Parses a date with a strftime-style format, the notation of the web-scraper's
// `date_format` (e.g. `%Y-%m-%d`, `%d/%m/%Y %H:%M`, `%b %d, %Y`). Times without
// a `%z` offset are read as UTC. Anything that does not fit gives null.

type Field = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'ampm' | 'minute' | 'second' | 'fraction' | 'offset' | 'zone' | 'epoch' | 'ignored'

interface Directive {
  pattern: string
  field: Field
}

const NUMBER = (digits: string): string => `(\\d{${digits}})`
const WORD = '([A-Za-z]+\\.?)'

const DIRECTIVES: Record<string, Directive> = {
  Y: { pattern: NUMBER('4'), field: 'year' },
  y: { pattern: NUMBER('2'), field: 'year2' },
  m: { pattern: NUMBER('1,2'), field: 'month' },
  b: { pattern: WORD, field: 'monthName' },
  h: { pattern: WORD, field: 'monthName' },
  B: { pattern: WORD, field: 'monthName' },
  d: { pattern: NUMBER('1,2'), field: 'day' },
  e: { pattern: ` ?${NUMBER('1,2')}`, field: 'day' },
  H: { pattern: NUMBER('1,2'), field: 'hour' },
  k: { pattern: ` ?${NUMBER('1,2')}`, field: 'hour' },
  I: { pattern: NUMBER('1,2'), field: 'hour12' },
  l: { pattern: ` ?${NUMBER('1,2')}`, field: 'hour12' },
  p: { pattern: '([AaPp]\\.?[Mm]\\.?)', field: 'ampm' },
  P: { pattern: '([AaPp]\\.?[Mm]\\.?)', field: 'ampm' },
  M: { pattern: NUMBER('1,2'), field: 'minute' },
  S: { pattern: NUMBER('1,2'), field: 'second' },
  f: { pattern: NUMBER('1,9'), field: 'fraction' },
  z: { pattern: '(Z|[+-]\\d{2}:?\\d{2})', field: 'offset' },
  Z: { pattern: '([A-Za-z]{1,5})', field: 'zone' },
  s: { pattern: '(-?\\d+)', field: 'epoch' },
  a: { pattern: WORD, field: 'ignored' },
  A: { pattern: WORD, field: 'ignored' },
  j: { pattern: NUMBER('1,3'), field: 'ignored' },
}

/** Shorthands spelled out before compiling. */
const COMPOSITES: Record<string, string> = { F: '%Y-%m-%d', T: '%H:%M:%S', D: '%m/%d/%y', R: '%H:%M', c: '%a %b %e %H:%M:%S %Y' }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

interface Compiled {
  regex: RegExp
  fields: Field[]
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The format as an anchored regex, one capture group per directive; null for unknown directives. */
export function compileFormat(format: string): Compiled | null {
  let pattern = ''
  const fields: Field[] = []
  const expanded = format.replace(/%[-_0^#]?([FTDRc])/g, (_, letter: string) => COMPOSITES[letter] ?? '')
  for (let i = 0; i < expanded.length; i++) {
    const char = expanded[i] as string
    if (/\s/.test(char)) {
      // Like common date parsers: whitespace in the format matches any run of it, or none.
      if (!pattern.endsWith('\\s*')) pattern += '\\s*'
      continue
    }
    if (char !== '%') {
      pattern += escapeRegex(char)
      continue
    }
    let letter = expanded[++i]
    if (letter !== undefined && '-_0^#'.includes(letter)) letter = expanded[++i] // padding flags change nothing when reading
    if (letter === '%') pattern += '%'
    else if (letter === 'n' || letter === 't') pattern += '\\s*'
    else {
      const directive = letter === undefined ? undefined : DIRECTIVES[letter]
      if (!directive) return null
      pattern += directive.pattern
      fields.push(directive.field)
    }
  }
  return { regex: new RegExp(`^\\s*${pattern}\\s*$`, 'i'), fields }
}

function monthFromName(name: string): number | null {
  const index = MONTHS.indexOf(name.toLowerCase().replace(/\.$/, '').slice(0, 3))
  return index < 0 ? null : index + 1
}

function offsetMinutes(text: string): number {
  if (text.toUpperCase() === 'Z') return 0
  const digits = text.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
  return digits.startsWith('-') ? -minutes : minutes
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

interface Parts {
  year?: number
  month?: number
  day?: number
  hour: number
  hour12?: number
  pm?: boolean
  minute: number
  second: number
  millisecond: number
  offset: number
  epoch?: number
}

function collect(fields: Field[], values: string[]): Parts | null {
  const parts: Parts = { hour: 0, minute: 0, second: 0, millisecond: 0, offset: 0 }
  for (const [index, field] of fields.entries()) {
    const value = values[index] ?? ''
    const number = Number(value)
    switch (field) {
      case 'year': parts.year = number; break
      case 'year2': parts.year = number < 69 ? 2000 + number : 1900 + number; break
      case 'month': parts.month = number; break
      case 'monthName': {
        const month = monthFromName(value)
        if (month === null) return null
        parts.month = month
        break
      }
      case 'day': parts.day = number; break
      case 'hour': parts.hour = number; break
      case 'hour12': parts.hour12 = number; break
      case 'ampm': parts.pm = value.toLowerCase().startsWith('p'); break
      case 'minute': parts.minute = number; break
      case 'second': parts.second = Math.min(number, 59); break // a leap second reads as :59
      case 'fraction': parts.millisecond = Math.floor(Number(`0.${value}`) * 1000); break
      case 'offset': parts.offset = offsetMinutes(value); break
      case 'zone': if (!/^(utc|gmt|z)$/i.test(value)) return null; break
      case 'epoch': parts.epoch = number; break
      case 'ignored': break
    }
  }
  return parts
}

function toDate(parts: Parts): Date | null {
  if (parts.epoch !== undefined) return new Date(parts.epoch * 1000)
  const { year, month, day } = parts
  if (year === undefined || month === undefined || day === undefined) return null
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  let hour = parts.hour
  if (parts.hour12 !== undefined) {
    if (parts.hour12 < 1 || parts.hour12 > 12) return null
    hour = (parts.hour12 % 12) + (parts.pm ? 12 : 0)
  }
  if (hour > 23 || parts.minute > 59) return null
  const utc = Date.UTC(year, month - 1, day, hour, parts.minute, parts.second, parts.millisecond)
  return new Date(utc - parts.offset * 60_000)
}

/** The date `text` spells in `format`, or null when it does not fit or is not a real date. */
export function parseWithFormat(text: string, format: string): Date | null {
  const compiled = compileFormat(format)
  const match = compiled?.regex.exec(text)
  if (!compiled || !match) return null
  const parts = collect(compiled.fields, match.slice(1))
  return parts ? toDate(parts) : null
}

const ISO_FORMATS = ['%Y-%m-%dT%H:%M:%S.%f%z', '%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%dT%H:%M%z', '%Y-%m-%dT%H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d']

/**
 * An ISO 8601 date or date-time (UTC unless it has an offset), or null. Used when no
 * format is given: JavaScript's own Date parsing guesses (local time, year 2001 for "May 1").
 */
export function parseIsoDate(text: string): Date | null {
  for (const format of ISO_FORMATS) {
    const date = parseWithFormat(text, format)
    if (date) return date
  }
  return null
}
