// The gate of `npm test`: failures outside tests must be counted. The report
// shapes are those vitest 4.1 and Playwright 1.65 write (checked against real
// runs with a throwing beforeAll, a missing import and an unhandled rejection).
import { describe, expect, it } from 'vitest'
import { countPlaywright, countVitest } from '../../scripts/test-report.mjs'

const vitestReport = (files: { name: string; status: string; message?: string; tests: string[] }[]) => ({
  numPassedTests: files.flatMap((f) => f.tests).filter((s) => s === 'passed').length,
  numFailedTests: files.flatMap((f) => f.tests).filter((s) => s === 'failed').length,
  numPendingTests: files.flatMap((f) => f.tests).filter((s) => s === 'skipped').length,
  numTodoTests: 0,
  success: files.every((f) => f.status === 'passed'),
  testResults: files.map((f) => ({ name: f.name, status: f.status, message: f.message ?? '', assertionResults: f.tests.map((status) => ({ status })) })),
})
const clean = { unhandledErrors: [] }

describe('countVitest', () => {
  it('counts a clean run', () => {
    expect(countVitest(0, vitestReport([{ name: 'a', status: 'passed', tests: ['passed', 'passed'] }]), clean)).toEqual({ passed: 2, failed: 0, skipped: 0, problems: [] })
  })

  it('counts a file whose beforeAll threw (its tests only skipped) as a failure', () => {
    const counts = countVitest(1, vitestReport([{ name: 'a.test.ts', status: 'failed', message: 'setup broke', tests: ['skipped'] }]), clean)
    expect(counts).toMatchObject({ failed: 1, skipped: 1, problems: ['a.test.ts: setup broke'] })
  })

  it('counts a file that failed to load', () => {
    expect(countVitest(1, vitestReport([{ name: 'd.test.ts', status: 'failed', message: 'Cannot find module x\n  at …', tests: [] }]), clean).problems).toEqual(['d.test.ts: Cannot find module x'])
  })

  it('does not count a file twice when its own tests failed', () => {
    expect(countVitest(1, vitestReport([{ name: 'a', status: 'failed', tests: ['failed', 'passed'] }]), clean)).toMatchObject({ failed: 1, problems: [] })
  })

  it('counts each unhandled error, even when every test passed', () => {
    const counts = countVitest(1, vitestReport([{ name: 'b', status: 'passed', tests: ['passed'] }]), { unhandledErrors: ['Error: boom', 'Error: again'] })
    expect(counts).toMatchObject({ passed: 1, failed: 2, problems: ['unhandled error: Error: boom', 'unhandled error: Error: again'] })
  })

  it('fails when the report or the end of run is missing, or the exit status is unexplained', () => {
    expect(countVitest(1, null, null).failed).toBe(1)
    expect(countVitest(0, vitestReport([]), null).failed).toBe(1)
    expect(countVitest(1, vitestReport([{ name: 'a', status: 'passed', tests: ['passed'] }]), clean)).toMatchObject({ failed: 1, problems: ['vitest exited with status 1 and no failure in its report'] })
    expect(countVitest(null, vitestReport([]), clean).failed).toBe(1)
  })
})

describe('countPlaywright', () => {
  const stats = { expected: 3, unexpected: 0, flaky: 1, skipped: 2 }
  it('counts tests and errors outside them', () => {
    expect(countPlaywright(0, { stats, errors: [] })).toEqual({ passed: 4, failed: 0, skipped: 2, problems: [] })
    expect(countPlaywright(1, { stats, errors: [{ message: 'globalSetup threw\nstack' }] })).toMatchObject({ failed: 1, problems: ['playwright: globalSetup threw'] })
  })

  it('fails on a missing report or an unexplained exit status', () => {
    expect(countPlaywright(1, null).failed).toBe(1)
    expect(countPlaywright(1, { stats, errors: [] }).failed).toBe(1)
  })
})
