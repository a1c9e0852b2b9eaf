import { defineConfig } from '@playwright/test'

// End-to-end tests drive the real headless server (out/main/serve.js) with the
// system Chromium; every test gets its own server and data directory.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // A stray test.only must not silently shrink the suite.
  forbidOnly: true,
  reporter: [
    ['list'],
    // Outside test-results/, which Playwright empties at the start of each run.
    ['json', { outputFile: 'reports/e2e.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Tracing every test costs about a quarter of the suite's time; CI keeps the
    // failure screenshots, a local run keeps the trace of a failed test as well.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
})
