import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { slackSink } from '../../src-main/integrations/slack'
import { fakeContext } from '../fixtures/fake-context'
import { jsonBody } from '../fixtures/fake-http'
import { BOT_TOKEN, startFakeSlack, WEBHOOK_PATH, type FakeSlack } from '../fixtures/fake-slack'

let slack: FakeSlack
beforeAll(async () => {
  slack = await startFakeSlack()
})
afterAll(() => slack.close())
beforeEach(() => {
  slack.requests.length = 0
  slack.failWith = null
  slack.webhookStatus = 200
})

const env = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_WEBHOOK_URL: slack.webhookUrl })
const context = () => fakeContext({ env: env(), urls: { slack: `${slack.url}/api` } })
const deliver = (config: unknown, text: string) => slackSink.deliver(slackSink.resolve(config, env()), text, context())
const bot = { bot_token_env: 'SLACK_BOT_TOKEN', channel: '#digest' }

const REPORT = `# Morning digest

Three things **matter** today:

- [Rust 2.0](https://example.com/rust) shipped
- Costs fell

---THREAD---
## Details

More in \`notes.md\`.`

describe('slack sink with a webhook', () => {
  it('posts the markdown as Slack mrkdwn text', async () => {
    await deliver({ webhook_url_env: 'SLACK_WEBHOOK_URL' }, 'Hello **team**, see [the report](https://example.com/r?a=1&b=2).')
    expect(slack.requests).toHaveLength(1)
    const [request] = slack.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe(WEBHOOK_PATH)
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(jsonBody(request!)).toEqual({ text: 'Hello *team*, see <https://example.com/r?a=1&amp;b=2|the report>.' })
  })

  it('fails on a non-2xx answer without revealing the webhook URL', async () => {
    slack.webhookStatus = 400
    const failure = deliver({ webhook_url_env: 'SLACK_WEBHOOK_URL' }, 'hi')
    await expect(failure).rejects.toThrow('POST Slack webhook failed: HTTP 400: invalid_payload')
    await failure.catch((error: Error) => expect(error.message).not.toContain('secretpart'))
  })
})

describe('slack sink with a bot token', () => {
  it('posts the main message, then one reply in its thread', async () => {
    await deliver(bot, REPORT)
    expect(slack.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
      ['POST', '/api/chat.postMessage', `Bearer ${BOT_TOKEN}`],
      ['POST', '/api/chat.postMessage', `Bearer ${BOT_TOKEN}`],
    ])
    expect(jsonBody(slack.requests[0]!)).toEqual({
      channel: '#digest',
      text: 'Morning digest\nThree things *matter* today:\n• <https://example.com/rust|Rust 2.0> shipped\n• Costs fell',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Morning digest', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Three things *matter* today:' } },
        { type: 'section', text: { type: 'mrkdwn', text: '• <https://example.com/rust|Rust 2.0> shipped\n• Costs fell' } },
      ],
    })
    expect(jsonBody(slack.requests[1]!)).toEqual({
      channel: '#digest',
      thread_ts: '1700000000.000001',
      text: 'Details\nMore in `notes.md`.',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Details', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'More in `notes.md`.' } },
      ],
    })
  })

  it('posts a single message when there is no thread marker', async () => {
    await deliver(bot, 'Just one line')
    expect(slack.requests).toHaveLength(1)
    expect(jsonBody(slack.requests[0]!)).toEqual({ channel: '#digest', text: 'Just one line', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Just one line' } }] })
  })

  it('splits more than 50 blocks over several messages; the reply threads on the first', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}`).join('\n\n')
    await deliver(bot, `${long}\n---THREAD---\nreply`)
    const bodies = slack.requests.map((request) => jsonBody(request) as { blocks: unknown[]; thread_ts?: string })
    expect(bodies.map((body) => [body.blocks.length, body.thread_ts ?? null])).toEqual([
      [50, null],
      [10, null],
      [1, '1700000000.000001'],
    ])
  })

  it("fails with Slack's error when it answers ok:false", async () => {
    slack.failWith = 'channel_not_found'
    await expect(deliver(bot, REPORT)).rejects.toThrow('Slack chat.postMessage failed: channel_not_found')
    // Nothing is threaded onto a message that was never posted.
    expect(slack.requests).toHaveLength(1)
  })

  it('fails on a bad token without putting the token in the message', async () => {
    const target = slackSink.resolve(bot, { SLACK_BOT_TOKEN: 'xoxb-wrong' })
    const failure = slackSink.deliver(target, 'hi', context())
    await expect(failure).rejects.toThrow('Slack chat.postMessage failed: invalid_auth')
    await failure.catch((error: Error) => expect(error.message).not.toContain('xoxb-wrong'))
  })
})
