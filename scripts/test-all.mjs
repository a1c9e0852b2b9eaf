#!/usr/bin/env node
// `npm test`: typecheck, build once, run every suite (unit + integration in
// vitest, e2e in Playwright against Debian Chromium), then print one line
// `N passed, N failed, N skipped` summed from the runners' JSON reports.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'
mkdirSync('reports', { recursive: true })

function run(title, command, args, env = {}) {
  process.stdout.write(`\n=== ${title}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    return run('installing Debian chromium for the e2e suite', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'])
  }
  process.stdout.write(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)\n`)
  return false
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

if (!run('typecheck', 'npm', ['run', '--silent', 'typecheck'])) problems.push('typecheck failed')
if (!run('build', 'npx', ['electron-vite', 'build'])) problems.push('build failed')

rmSync('reports/vitest.json', { force: true })
run('unit and integration tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'])
if (existsSync('reports/vitest.json')) {
  const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests + (report.numRuntimeErrors ?? 0)
  totals.skipped += report.numPendingTests + report.numTodoTests
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0)
  if (brokenFiles.length > 0) {
    totals.failed += brokenFiles.length
    problems.push(`${brokenFiles.length} test file(s) failed to load`)
  }
} else problems.push('vitest wrote no report')

rmSync('reports/e2e.json', { force: true })
if (ensureChromium()) {
  run('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { SHOGGOTH_SKIP_BUILD: '1' })
  if (existsSync('reports/e2e.json')) {
    const { stats, errors = [] } = JSON.parse(readFileSync('reports/e2e.json', 'utf8'))
    totals.passed += stats.expected + stats.flaky
    totals.failed += stats.unexpected
    totals.skipped += stats.skipped
    if (errors.length > 0) problems.push(`playwright reported ${errors.length} error(s) outside tests`)
  } else problems.push('playwright wrote no report')
} else problems.push('chromium is not available for the e2e suite')

for (const problem of problems) process.stdout.write(`problem: ${problem}\n`)
if (problems.length > 0 && totals.failed === 0) totals.failed = problems.length
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0)
