// A studio test world: chatTest's real claude CLI against the Messages-API
// stand-in, plus a feed site and a Slack stand-in, and a server wired to all three.
import { startFakeFeeds, type FakeFeeds } from '../test/fixtures/fake-feeds'
import { startFakeSlack, type FakeSlack } from '../test/fixtures/fake-slack'
import { chatTest, runServer } from './fixtures'

interface StudioFixtures {
  feeds: FakeFeeds
  slack: FakeSlack
}

/** Starts a stand-in for one test and closes it after. */
const serving = <T extends { close(): Promise<void> }>(start: () => Promise<T>) =>
  async ({}, use: (value: T) => Promise<void>) => {
    const value = await start()
    try {
      await use(value)
    } finally {
      await value.close()
    }
  }

export const studioTest = chatTest.extend<StudioFixtures>({
  feeds: serving(startFakeFeeds),
  slack: serving(startFakeSlack),
  server: async ({ claude, slack }, use, testInfo) => runServer({ env: { ...claude.serverEnv, DIGEST_SLACK_WEBHOOK: slack.webhookUrl } }, use, testInfo),
})

export { expect } from './fixtures'
