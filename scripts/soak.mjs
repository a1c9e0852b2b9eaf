#!/usr/bin/env node
// `npm run soak`: the reliability suites of issue 11 at full size, one after the
// other, printing their figures. They are the same test files CI runs in short
// form; the sizes go to them as SOAK_* variables. Exits 1 if any suite fails.
//
//   npm run soak -- --only crash,hostile --kills 200
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'

const { values: options } = parseArgs({
  options: {
    only: { type: 'string', default: 'crash,hostile,boundary,load,sessions,left-behind' },
    kills: { type: 'string', default: '100' },
    hostile: { type: 'string', default: '20000' },
    'load-seconds': { type: 'string', default: '60' },
    subscribers: { type: 'string', default: '200' },
    'crud-clients': { type: 'string', default: '100' },
    sessions: { type: 'string', default: '16' },
    'session-seconds': { type: 'string', default: '120' },
    cycles: { type: 'string', default: '50' },
    help: { type: 'boolean', default: false },
  },
})

const SUITES = {
  crash: { files: ['test/integration/crash-safety.test.ts'], env: { SOAK_KILLS: options.kills } },
  hostile: { files: ['test/integration/hostile-input.test.ts'], env: { SOAK_HOSTILE_REQUESTS: options.hostile } },
  boundary: { files: ['test/integration/browser-boundary.test.ts'], env: {} },
  load: { files: ['test/integration/load.test.ts'], env: { SOAK_LOAD_SECONDS: options['load-seconds'], SOAK_SUBSCRIBERS: options.subscribers, SOAK_CRUD_CLIENTS: options['crud-clients'] } },
  sessions: { files: ['test/integration/sessions-stress.test.ts'], env: { SOAK_SESSIONS: options.sessions, SOAK_SESSION_SECONDS: options['session-seconds'] } },
  'left-behind': { files: ['test/integration/claude-descendants.test.ts', 'test/integration/left-behind.test.ts'], env: { SOAK_CYCLES: options.cycles } },
}

if (options.help) {
  console.log(`npm run soak -- [--only ${Object.keys(SUITES).join(',')}] [--kills N] [--hostile N] [--load-seconds N] [--subscribers N] [--crud-clients N] [--sessions N] [--session-seconds N] [--cycles N]`)
  process.exit(0)
}

/** The lines the suites print as figures. */
const FIGURE = /^(crash safety|hostile input|load|sessions under stress|nothing left behind):/

function runSuite(name, { files, env }) {
  return new Promise((done) => {
    const started = Date.now()
    const child = spawn('npx', ['vitest', 'run', '--project', 'integration', ...files], { env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    const read = (stream) =>
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line)
        if (FIGURE.test(line.trim())) console.log(`  ${line.trim()}`)
      })
    read(child.stdout)
    read(child.stderr)
    child.on('close', (code) => {
      const minutes = ((Date.now() - started) / 60_000).toFixed(1)
      const summary = output.find((line) => /^\s*Tests\s/.test(line))?.trim() ?? 'no summary'
      console.log(`${code === 0 ? 'passed' : 'FAILED'} ${name} in ${minutes} min (${summary})`)
      if (code !== 0) console.log(output.slice(-60).join('\n'))
      done(code === 0)
    })
  })
}

const chosen = options.only.split(',').map((name) => name.trim())
const unknown = chosen.filter((name) => !(name in SUITES))
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`)
  process.exit(2)
}
console.log(`soak: ${chosen.join(', ')}`)
let failed = 0
for (const name of chosen) {
  console.log(`\n=== ${name}`)
  if (!(await runSuite(name, SUITES[name]))) failed++
}
process.exit(failed === 0 ? 0 : 1)
