import { test as base, expect } from '@playwright/test'
import { testApi, type TestApi } from './api'
import { startServer, type RunningServer } from './server'

interface ShoggothFixtures {
  /** A real headless Shoggoth server with its own empty data directory. */
  server: RunningServer
  /** Direct API access with the server's token. */
  api: TestApi
}

export const test = base.extend<ShoggothFixtures>({
  // Playwright reads fixture dependencies from the destructuring, so it must be there even when empty.
  server: async ({}, use, testInfo) => {
    const server = await startServer()
    try {
      await use(server)
    } finally {
      // The server log explains most failures; keep it with the report.
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server.log', { body: server.log(), contentType: 'text/plain' })
      }
      await server.stop()
    }
  },
  api: async ({ server }, use) => {
    await use(testApi(server.baseUrl, server.token))
  },
})

export { expect }
