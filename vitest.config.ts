import { defineConfig } from 'vitest/config'

// Unit tests are pure; integration tests start the real backend over loopback,
// each with its own temp data dir and a free port, so files run in parallel.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
    ],
  },
})
