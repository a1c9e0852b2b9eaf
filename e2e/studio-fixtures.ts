// A studio test world: the real claude CLI against the Messages-API stand-in,
// a feed site and a Slack stand-in, and a server wired to all three.
import { startFakeFeeds, type FakeFeeds } from '../test/fixtures/fake-feeds'
import { startFakeSlack, type FakeSlack } from '../test/fixtures/fake-slack'
import { startClaudeWorld, type ClaudeWorld } from './claude'
import { runServer, test as base } from './fixtures'

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
  server: async ({ claude, slack }, use, testInfo) => runServer({ env: { ...claude.serverEnv, DIGEST_SLACK_WEBHOOK: slack.webhookUrl } }, use, testInfo),
})

export { expect } from './fixtures'
