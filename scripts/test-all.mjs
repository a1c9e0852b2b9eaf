#!/usr/bin/env node
// `npm test`: typecheck, build once, run every suite (unit + integration in
// vitest, e2e in Playwright against Debian Chromium), then print one line
// `N passed, N failed, N skipped` summed from the runners' JSON reports and
// exit statuses (see test-report.mjs: failures outside tests count too).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { countPlaywright, countVitest } from './test-report.mjs'

const CHROMIUM = '/usr/bin/chromium'
mkdirSync('reports', { recursive: true })

/** Runs one step and returns its exit status (null when it was killed by a signal). */
function run(title, command, args, env = {}) {
  process.stdout.write(`\n=== ${title}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.error ? 127 : result.status
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    return 0 === run('installing Debian chromium for the e2e suite', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'])
  }
  process.stdout.write(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)\n`)
  return false
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

/** Every problem counts as one failure: nothing that went wrong can leave the total at 0. */
function fail(problem) {
  totals.failed += 1
  problems.push(problem)
}

function add(counts) {
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  problems.push(...counts.problems)
}

if (run('typecheck', 'npm', ['run', '--silent', 'typecheck']) !== 0) fail('typecheck failed')
if (run('build', 'npx', ['electron-vite', 'build']) !== 0) fail('build failed')

const VITEST_REPORT = 'reports/vitest.json'
const VITEST_RUN_END = 'reports/vitest-run-end.json'
rmSync(VITEST_REPORT, { force: true })
rmSync(VITEST_RUN_END, { force: true })
const vitest = run(
  'unit and integration tests (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--reporter=./scripts/vitest-run-end.mjs', `--outputFile.json=${VITEST_REPORT}`],
  { SHOGGOTH_VITEST_RUN_END: VITEST_RUN_END },
)
add(countVitest(vitest, readJson(VITEST_REPORT), readJson(VITEST_RUN_END)))

rmSync('reports/e2e.json', { force: true })
if (ensureChromium()) {
  const playwright = run('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { SHOGGOTH_SKIP_BUILD: '1' })
  add(countPlaywright(playwright, readJson('reports/e2e.json')))
} else fail('chromium is not available for the e2e suite')

for (const problem of problems) process.stdout.write(`problem: ${problem}\n`)
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0)
