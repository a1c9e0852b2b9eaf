// Delivery through an incoming webhook: one message of Slack mrkdwn. Webhooks
// cannot thread, so a thread part follows the main text in the same message.
import { request } from './http'
import { markdownToMrkdwn } from './slack-mrkdwn'
import { splitThread } from './slack-thread'

export function webhookPayload(text: string): { text: string } {
  const { main, reply } = splitThread(text)
  return { text: markdownToMrkdwn([main, reply ?? ''].filter((part) => part !== '').join('\n\n')) }
}

export async function deliverWithWebhook(webhookUrl: string, text: string): Promise<void> {
  // The webhook URL is the secret itself: errors name it only as "Slack webhook".
  await request(webhookUrl, { method: 'POST', json: webhookPayload(text), label: 'Slack webhook' })
}
