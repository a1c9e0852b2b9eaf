// The `slack` sink. Its config names environment variables: `bot_token_env`
// (with `channel`) or `webhook_url_env`; the bot token wins when both are set.
import { configRecord, optionalString } from './config-fields'
import { requiredEnv } from './env-lookup'
import { deliverWithBot } from './slack-bot'
import { deliverWithWebhook } from './slack-webhook'
import type { SinkKind } from './types'

export type SlackTarget = { mode: 'bot'; token: string; channel: string } | { mode: 'webhook'; webhookUrl: string }

export const slackSink: SinkKind<SlackTarget> = {
  kind: 'slack',
  resolve(config, env) {
    const fields = configRecord(config)
    const botTokenEnv = optionalString(fields, 'bot_token_env')
    if (botTokenEnv) {
      const channel = optionalString(fields, 'channel')
      if (!channel) throw new Error('slack bot_token_env requires a channel to be set')
      return { mode: 'bot', token: requiredEnv(env, botTokenEnv), channel }
    }
    const webhookUrlEnv = optionalString(fields, 'webhook_url_env')
    if (webhookUrlEnv) return { mode: 'webhook', webhookUrl: requiredEnv(env, webhookUrlEnv) }
    throw new Error('slack sink requires either webhook_url_env or bot_token_env')
  },
  async deliver(target, text, context) {
    if (target.mode === 'bot') await deliverWithBot(context.urls.slack, target.token, target.channel, text)
    else await deliverWithWebhook(target.webhookUrl, text)
  },
}
