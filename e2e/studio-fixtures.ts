// A studio test world: the real claude CLI against the Messages-API stand-in,
// a feed site and a Slack stand-in, and a server wired to all three.
import { startFakeFeeds, type FakeFeeds } from '../test/fixtures/fake-feeds'
import { startFakeSlack, type FakeSlack } from '../test/fixtures/fake-slack'
import { testApi } from './api'
import { startClaudeWorld, type ClaudeWorld } from './claude'
import { test as base } from './fixtures'
import { startServer } from './server'

interface StudioFixtures {
  claude: ClaudeWorld
  feeds: FakeFeeds
  slack: FakeSlack
}

export const studioTest = base.extend<StudioFixtures>({
  claude: async ({}, use) => {
    const world = await startClaudeWorld()
    try {
      await use(world)
    } finally {
      await world.close()
    }
  },
  feeds: async ({}, use) => {
    const feeds = await startFakeFeeds()
    try {
      await use(feeds)
    } finally {
      await feeds.close()
    }
  },
  slack: async ({}, use) => {
    const slack = await startFakeSlack()
    try {
      await use(slack)
    } finally {
      await slack.close()
    }
  },
  server: async ({ claude, slack }, use, testInfo) => {
    const server = await startServer({ env: { ...claude.serverEnv, DIGEST_SLACK_WEBHOOK: slack.webhookUrl } })
    try {
      await use(server)
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server.log', { body: server.log(), contentType: 'text/plain' })
      await server.stop()
    }
  },
  api: async ({ server }, use) => {
    await use(testApi(server.baseUrl, server.token))
  },
})

export { expect } from './fixtures'
