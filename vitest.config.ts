import { defineConfig } from 'vitest/config'

// Unit tests are pure; integration tests start the real backend over loopback,
// each with its own temp data dir and a free port, so files run in parallel.
export default defineConfig({
  test: {
    // Integration tests mostly wait (for claude, for sockets): three files at a
    // time on two cores cut the run from ~460 s to ~290 s here.
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
    ],
  },
})
