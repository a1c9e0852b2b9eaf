import { test as base, expect, type TestInfo } from '@playwright/test'
import { testApi, type TestApi } from './api'
import { startClaudeWorld, type ClaudeWorld } from './claude'
import { startServer, type RunningServer, type ServerOptions } from './server'

export interface ShoggothFixtures {
  /** A real headless Shoggoth server with its own empty data directory. */
  server: RunningServer
  /** Direct API access with the server's token. */
  api: TestApi
}

export interface ChatFixtures {
  /** The real claude CLI's offline world; `server` is wired to it. */
  claude: ClaudeWorld
}

/** Starts a server for one test and stops it after, attaching its log when the test failed. */
export async function runServer(options: ServerOptions, use: (server: RunningServer) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const server = await startServer(options)
  try {
    await use(server)
  } finally {
    // The server log explains most failures; keep it with the report.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server.log', { body: server.log(), contentType: 'text/plain' })
    }
    await server.stop()
  }
}

export const test = base.extend<ShoggothFixtures>({
  // Playwright reads fixture dependencies from the destructuring, so it must be there even when empty.
  server: async ({}, use, testInfo) => runServer({}, use, testInfo),
  api: async ({ server }, use) => {
    await use(testApi(server.baseUrl, server.token))
  },
})

/** Like `test`, but the server runs the real `claude` against a Messages API stand-in. */
export const chatTest = test.extend<ChatFixtures>({
  claude: async ({}, use) => {
    const world = await startClaudeWorld()
    try {
      await use(world)
    } finally {
      await world.close()
    }
  },
  // Depends on `claude`, so it stops (ending its claude children) before the stand-in closes.
  server: async ({ claude }, use, testInfo) => runServer({ env: claude.serverEnv }, use, testInfo),
})

export { expect }
