// The vitest side of test/suites/left-behind.ts: one test per ending, with a
// claude world for the file and a fresh context (cleaned up) per test.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startClaudeWorld, type ClaudeWorld } from './claude'
import { EndingContext, leftAfter, type EndingName } from '../suites/left-behind'

/** How many times each ending is gone through (SOAK_CYCLES; once in the test run). */
const CYCLES = Number(process.env.SOAK_CYCLES ?? 1)

/** Declares the tests; returns the current test's context, for more tests in the same file. */
export function describeEndings(names: EndingName[]): () => EndingContext {
  let world: ClaudeWorld
  let context: EndingContext
  beforeAll(async () => {
    world = await startClaudeWorld()
  })
  afterAll(() => world.close())
  beforeEach(() => {
    context = new EndingContext(world)
  })
  afterEach(() => context.end())
  // The CLI's first Bash call spends seconds setting up its shell; a loaded machine doubles that.
  describe('commands started by claude end with it', { timeout: 120_000 * CYCLES }, () => {
    for (const name of names) {
      it(`on ${name}`, async () => {
        for (let cycle = 1; cycle <= CYCLES; cycle++) {
          expect(await leftAfter(name, context), `cycle ${cycle}`).toEqual([])
          if (cycle === CYCLES) break
          await context.end()
          context = new EndingContext(world)
        }
        if (CYCLES > 1) console.log(`nothing left behind: ${name}, ${CYCLES} cycles, 0 processes left`)
      })
    }
  })
  return () => context
}
