// Plain words for the common cron shapes; anything unusual is shown as the expression itself.

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const NICKNAMES: Record<string, string> = {
  '@yearly': 'every year on 1 January at 00:00 UTC',
  '@annually': 'every year on 1 January at 00:00 UTC',
  '@monthly': 'every month on day 1 at 00:00 UTC',
  '@weekly': 'every Sunday at 00:00 UTC',
  '@daily': 'every day at 00:00 UTC',
  '@midnight': 'every day at 00:00 UTC',
  '@hourly': 'every hour at :00',
}

const NUMBER = /^\d+$/
const pad = (n: string): string => n.padStart(2, '0')

/** "7,19" → ["07", "19"] when every part is a plain number. */
function numbers(field: string): string[] | null {
  const parts = field.split(',')
  return parts.every((part) => NUMBER.test(part)) ? parts.map(pad) : null
}

function dayWords(field: string): string | null {
  if (field === '*') return 'every day'
  if (field === '1-5') return 'weekdays'
  if (field === '0,6' || field === '6,0') return 'weekends'
  const parts = field.split(',')
  if (!parts.every((part) => NUMBER.test(part) && Number(part) <= 7)) return null
  return `every ${parts.map((part) => DAY_NAMES[Number(part) % 7]).join(', ')}`
}

export function describeCron(expression: string): string {
  const expr = expression.trim().replace(/\s+/g, ' ')
  if (expr === '') return 'no schedule set'
  const nickname = NICKNAMES[expr.toLowerCase()]
  if (nickname) return nickname
  const fields = expr.split(' ')
  if (fields.length !== 5) return `cron ${expr}`
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = fields
  const calendarFree = dom === '*' && month === '*' && dow === '*'

  if (calendarFree && hour === '*') {
    if (minute === '*') return 'every minute'
    const step = /^\*\/(\d+)$/.exec(minute)
    if (step) return `every ${step[1]} minutes`
    if (NUMBER.test(minute)) return `every hour at :${pad(minute)}`
  }
  const hourStep = /^\*\/(\d+)$/.exec(hour)
  if (calendarFree && hourStep && NUMBER.test(minute)) return `every ${hourStep[1]} hours at :${pad(minute)}`

  const hours = numbers(hour)
  if (!NUMBER.test(minute) || !hours || month !== '*') return `cron ${expr}`
  const times = hours.map((h) => `${h}:${pad(minute)}`).join(', ')
  if (dom === '*') {
    const days = dayWords(dow)
    return days ? `${days} at ${times} UTC` : `cron ${expr}`
  }
  if (dow === '*' && NUMBER.test(dom)) return `every month on day ${dom} at ${times} UTC`
  return `cron ${expr}`
}
