// Turns what a test runner left behind (its exit status and JSON report) into
// counts for the one summary line of `npm test`. Anything that went wrong
// outside a test — a file that failed to load, a beforeAll that threw, an
// unhandled error, a missing report, a non-zero exit nobody explained — is a
// failure too, counted and named, so the gate cannot pass over it.

/**
 * @param {number | null} status  the runner's exit status
 * @param {any} report            vitest's JSON report (reporter=json), or null when missing
 * @param {{ unhandledErrors?: string[] } | null} runEnd  what scripts/vitest-run-end.mjs recorded
 */
export function countVitest(status, report, runEnd) {
  const result = { passed: 0, failed: 0, skipped: 0, problems: [] }
  if (!report) {
    result.failed += 1
    result.problems.push(`vitest wrote no report (exit status ${status})`)
    return result
  }
  result.passed += report.numPassedTests
  result.failed += report.numFailedTests
  result.skipped += report.numPendingTests + report.numTodoTests
  // vitest 4 has no runtime-error count: a file whose setup, import or hooks
  // failed is `failed` with a message, its tests skipped or absent.
  for (const file of report.testResults ?? []) {
    if (file.status !== 'failed' || (file.assertionResults ?? []).some((test) => test.status === 'failed')) continue
    result.failed += 1
    result.problems.push(`${file.name}: ${firstLine(file.message) || 'failed outside its tests'}`)
  }
  const unhandled = runEnd?.unhandledErrors ?? null
  if (unhandled === null) {
    result.failed += 1
    result.problems.push('vitest recorded no end of run (the run-end reporter did not report)')
  } else {
    result.failed += unhandled.length
    for (const message of unhandled) result.problems.push(`unhandled error: ${firstLine(message)}`)
  }
  if (status !== 0 && result.failed === 0) {
    result.failed += 1
    result.problems.push(`vitest exited with status ${status} and no failure in its report`)
  }
  if (report.success === false && result.failed === 0) {
    result.failed += 1
    result.problems.push('vitest reported the run as unsuccessful without a failure in its report')
  }
  return result
}

/**
 * @param {number | null} status  Playwright's exit status
 * @param {any} report            Playwright's JSON report, or null when missing
 */
export function countPlaywright(status, report) {
  const result = { passed: 0, failed: 0, skipped: 0, problems: [] }
  if (!report) {
    result.failed += 1
    result.problems.push(`playwright wrote no report (exit status ${status})`)
    return result
  }
  const { stats, errors = [] } = report
  result.passed += stats.expected + stats.flaky
  result.failed += stats.unexpected
  result.skipped += stats.skipped
  // Errors outside tests: global setup, config, a worker that crashed.
  result.failed += errors.length
  for (const error of errors) result.problems.push(`playwright: ${firstLine(error.message ?? String(error))}`)
  if (status !== 0 && result.failed === 0) {
    result.failed += 1
    result.problems.push(`playwright exited with status ${status} and no failure in its report`)
  }
  return result
}

function firstLine(text) {
  return String(text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? ''
}
